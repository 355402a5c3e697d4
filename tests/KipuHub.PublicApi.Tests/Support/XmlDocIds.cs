using System.Reflection;
using System.Text;

namespace KipuHub.PublicApi.Tests.Support;

/// <summary>
/// The documentation comment ids the C# compiler writes into an assembly's XML doc file (<c>T:</c>, <c>P:</c>,
/// <c>M:</c>, <c>F:</c>, <c>E:</c>), computed from reflection so a member can be looked up in that file.
/// </summary>
internal static class XmlDocIds
{
    public static string Of(Type type) => "T:" + TypeName(type);

    public static string Of(MemberInfo member) => member switch
    {
        Type type => Of(type),
        PropertyInfo p => "P:" + TypeName(p.DeclaringType!) + "." + p.Name + Parameters(p.GetIndexParameters(), null),
        FieldInfo f => "F:" + TypeName(f.DeclaringType!) + "." + f.Name,
        EventInfo e => "E:" + TypeName(e.DeclaringType!) + "." + e.Name,
        ConstructorInfo c => "M:" + TypeName(c.DeclaringType!) + "." + (c.IsStatic ? "#cctor" : "#ctor") + Parameters(c.GetParameters(), null),
        MethodInfo m => "M:" + TypeName(m.DeclaringType!) + "." + m.Name
                        + (m.IsGenericMethod ? "``" + m.GetGenericArguments().Length : "")
                        + Parameters(m.GetParameters(), m)
                        + (m.Name is "op_Implicit" or "op_Explicit" ? "~" + Reference(m.ReturnType, m) : ""),
        _ => throw new NotSupportedException(member.GetType().Name),
    };

    private static string Parameters(ParameterInfo[] parameters, MethodInfo? method) =>
        parameters.Length == 0 ? "" : "(" + string.Join(",", parameters.Select(p => Reference(p.ParameterType, method))) + ")";

    /// <summary>A type as written in a parameter list: generic arguments in braces, type parameters as `n / ``n.</summary>
    private static string Reference(Type type, MethodInfo? method)
    {
        if (type.IsByRef) return Reference(type.GetElementType()!, method) + "@";
        if (type.IsPointer) return Reference(type.GetElementType()!, method) + "*";
        if (type.IsArray)
        {
            var rank = type.GetArrayRank();
            return Reference(type.GetElementType()!, method) + (rank == 1 ? "[]" : "[" + string.Join(",", Enumerable.Repeat("0:", rank)) + "]");
        }
        if (type.IsGenericParameter)
            return (type.DeclaringMethod is not null ? "``" : "`") + type.GenericParameterPosition;
        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var args = type.GetGenericArguments();
            var builder = new StringBuilder();
            var owners = new List<Type>();
            for (var t = definition; t is not null; t = t.DeclaringType) owners.Insert(0, t);
            builder.Append(owners[0].Namespace is { Length: > 0 } ns ? ns + "." : "");
            var used = 0;
            for (var i = 0; i < owners.Count; i++)
            {
                if (i > 0) builder.Append('.');
                var name = owners[i].Name;
                var tick = name.IndexOf('`');
                builder.Append(tick < 0 ? name : name[..tick]);
                var count = owners[i].GetGenericArguments().Length - used;
                if (count > 0)
                {
                    builder.Append('{').Append(string.Join(",", args.Skip(used).Take(count).Select(a => Reference(a, method)))).Append('}');
                    used += count;
                }
            }
            return builder.ToString();
        }
        return TypeName(type);
    }

    /// <summary>A type's own id text: namespace, outer types joined with '.', generic arity kept as `n.</summary>
    private static string TypeName(Type type)
    {
        var name = type.FullName ?? (type.Namespace + "." + type.Name);
        var generic = name.IndexOf('[');
        if (generic >= 0) name = name[..generic];
        return name.Replace('+', '.');
    }
}
