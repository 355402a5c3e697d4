using Newtonsoft.Json.Serialization;

namespace KipuHub.Emulator.Http;

/// <summary>
/// The one paging helper of the list endpoints, Quantum and Platform alike. It pages the generated models themselves:
/// the sortable fields are the model's own wire fields (snake_case in the Quantum API, camelCase in the Platform API,
/// both named in snake_case here), and the page is the API's generated page type, whose <c>content</c>, <c>page</c>,
/// <c>size</c>, <c>total_elements</c> and <c>total_pages</c> (or their camelCase) are filled by wire name.
/// </summary>
internal static class ListPage
{
    /// <summary>Sorts by the request's <c>sort</c> (creation order breaks ties), cuts the requested page and wraps it.</summary>
    /// <param name="context">The request, for <c>page</c>, <c>size</c> and <c>sort</c>.</param>
    /// <param name="items">Every visible item, as its wire model and its creation ordinal.</param>
    /// <param name="sortFields">The fields <c>sort</c> may name, snake_case, in the order error messages list them.</param>
    public static TPage Create<TPage, TModel>(HttpContext context, IEnumerable<(TModel Model, long Ordinal)> items, params string[] sortFields)
        where TPage : new()
    {
        var paging = PageRequest.Parse(context, sortFields);
        var keys = sortFields.ToDictionary(f => f, SortKey<TModel>, StringComparer.Ordinal);
        var (content, total, pages) = paging.Apply(items, keys, item => item.Ordinal);

        var page = new TPage();
        Getter(typeof(TPage), "content").SetValue(page, content.Select(item => item.Model).ToList());
        Getter(typeof(TPage), "page").SetValue(page, paging.Page);
        Getter(typeof(TPage), "size").SetValue(page, paging.Size);
        Getter(typeof(TPage), "total_elements").SetValue(page, total);
        Getter(typeof(TPage), "total_pages").SetValue(page, pages);
        return page;
    }

    private static Func<(TModel Model, long Ordinal), object?> SortKey<TModel>(string field)
    {
        var getter = Getter(typeof(TModel), field);
        return item => Sortable(getter.GetValue(item.Model!));
    }

    /// <summary>Extensible enums are not comparable: they sort by their text, as the Hub sorts its columns.</summary>
    private static object? Sortable(object? value) => value is null or IComparable ? value : value.ToString();

    private static IValueProvider Getter(Type type, string snakeCaseField)
    {
        var contract = (JsonObjectContract)NewtonsoftJson.Serializer.ContractResolver.ResolveContract(type);
        var property = contract.Properties.FirstOrDefault(p => PageRequest.ToSnakeCase(p.PropertyName!) == snakeCaseField)
            ?? throw new InvalidOperationException($"{type.Name} has no wire field '{snakeCaseField}'; the emulator's list endpoint names a field the spec does not have.");
        return property.ValueProvider!;
    }
}
