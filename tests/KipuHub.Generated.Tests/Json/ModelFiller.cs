using System.Collections;
using System.Reflection;
using Newtonsoft.Json.Linq;

namespace KipuHub.Generated.Tests.Json;

/// <summary>
/// Builds a populated instance of any generated model by reflection: every settable property gets a value of its type
/// (strings, numbers, dates with an offset, extensible enums, nested models, collections, dictionaries, untyped
/// <c>object</c> members as Newtonsoft.Json would read them) and every model gets additional properties. A union base
/// becomes one of its variants, or itself with an unknown discriminator. <c>variant</c> picks which: 0 uses known enum
/// values and the first union variant, higher values cycle through the other variants and use values this SDK does not
/// know.
/// </summary>
internal sealed class ModelFiller(int variant)
{
    private const int MaxDepth = 4;
    private int _counter;

    /// <summary>The union variants of a base type (its JsonInheritanceAttribute mappings), in declaration order.</summary>
    public static IReadOnlyList<(string Key, Type Type)> UnionVariants(Type type) =>
        type.GetCustomAttributes(inherit: false)
            .Where(a => a.GetType().Name == "JsonInheritanceAttribute")
            .Select(a => ((string)a.GetType().GetProperty("Key")!.GetValue(a)!, (Type)a.GetType().GetProperty("Type")!.GetValue(a)!))
            .ToList();

    /// <summary>An extensible enum: a struct with a static KnownValues list and a string constructor.</summary>
    public static bool IsExtensibleEnum(Type type) =>
        type.IsValueType && type.GetProperty("KnownValues", BindingFlags.Public | BindingFlags.Static) != null && type.GetConstructor([typeof(string)]) != null;

    public object Create(Type type) => CreateModel(type, 0)!;

    private object? CreateModel(Type type, int depth)
    {
        if (depth > MaxDepth)
            return null;

        var variants = UnionVariants(type);
        if (variants.Count > 0)
        {
            // variant 0..n-1: a known variant; n: the base type with a discriminator this SDK does not know.
            var pick = variant % (variants.Count + 1);
            if (pick < variants.Count)
                return Populate(Activator.CreateInstance(variants[pick].Type)!, depth);
            var unknown = Populate(Activator.CreateInstance(type)!, depth);
            AdditionalProperties(unknown)!["type"] = "FUTURE_VARIANT_" + variant;
            return unknown;
        }

        return Populate(Activator.CreateInstance(type)!, depth);
    }

    private object Populate(object model, int depth)
    {
        foreach (var property in model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanWrite || property.GetIndexParameters().Length > 0 || property.Name == "AdditionalProperties")
                continue;
            var value = Value(property.PropertyType, depth + 1);
            if (value != null)
                property.SetValue(model, value);
        }

        var extra = AdditionalProperties(model);
        if (extra != null)
        {
            extra["kipu_unknown_text"] = "kept " + Next();
            extra["kipu_unknown_number"] = (long)Next();
            extra["kipu_unknown_object"] = new JObject { ["nested"] = new JArray(1, "two", true) };
        }

        return model;
    }

    private object? Value(Type type, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var n = Next();
        if (underlying == typeof(string)) return "text-" + n;
        if (underlying == typeof(int)) return n;
        if (underlying == typeof(long)) return 10_000_000_000L + n;
        if (underlying == typeof(double)) return n + 0.25;
        if (underlying == typeof(float)) return n + 0.5f;
        if (underlying == typeof(decimal)) return n + 0.125m;
        if (underlying == typeof(bool)) return n % 2 == 0;
        if (underlying == typeof(DateTimeOffset))
            return n % 2 == 0 ? new DateTimeOffset(2026, 3, 4, 5, 6, 7, 891, TimeSpan.FromHours(2)) : new DateTimeOffset(2025, 12, 31, 23, 59, 59, TimeSpan.Zero);
        if (underlying == typeof(DateTime)) return new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc);
        if (underlying == typeof(TimeSpan)) return TimeSpan.FromSeconds(90 + n);
        if (underlying == typeof(Guid)) return new Guid(n, 1, 2, [3, 4, 5, 6, 7, 8, 9, 10]);
        if (IsExtensibleEnum(underlying))
        {
            var known = (IList)underlying.GetProperty("KnownValues")!.GetValue(null)!;
            return variant == 0 ? known[n % known.Count] : Activator.CreateInstance(underlying, "FUTURE_VALUE_" + n);
        }

        if (underlying == typeof(object))
            return new JObject { ["answer"] = 42, ["list"] = new JArray("a", 1.5) };
        if (underlying.IsEnum)
            return Enum.GetValues(underlying).GetValue(0);

        if (underlying.IsGenericType)
        {
            var definition = underlying.GetGenericTypeDefinition();
            var arguments = underlying.GetGenericArguments();
            if (arguments.Length == 2 && (definition == typeof(IDictionary<,>) || definition == typeof(Dictionary<,>) || definition == typeof(IReadOnlyDictionary<,>)))
            {
                var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
                for (var i = 0; i < 2; i++)
                {
                    var entry = Value(arguments[1], depth);
                    if (entry != null)
                        dictionary["key" + Next()] = entry;
                }

                return dictionary;
            }

            if (arguments.Length == 1 && typeof(IEnumerable).IsAssignableFrom(underlying))
            {
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(arguments))!;
                for (var i = 0; i < 2; i++)
                {
                    var item = Value(arguments[0], depth);
                    if (item != null)
                        list.Add(item);
                }

                return list;
            }
        }

        if (underlying.IsClass && !underlying.IsAbstract && underlying.GetConstructor(Type.EmptyTypes) != null)
            return CreateModel(underlying, depth);

        throw new NotSupportedException("The filler does not know how to fill " + underlying.FullName + "; teach it.");
    }

    private static IDictionary<string, object>? AdditionalProperties(object model) =>
        model.GetType().GetProperty("AdditionalProperties")?.GetValue(model) as IDictionary<string, object>;

    private int Next() => ++_counter;
}
