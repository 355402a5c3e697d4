using System.Globalization;
using System.Text;

namespace KipuHub.Emulator.Http;

/// <summary>
/// Spring-style paging as the Hub does it: <c>page</c> (zero-based, default 0), <c>size</c> (1 to 1000, default 20) and
/// repeatable <c>sort=field,asc|desc</c> (default <c>created_at,desc</c>; equal values keep creation order).
/// </summary>
internal sealed record PageRequest(int Page, int Size, IReadOnlyList<SortKey> Sort)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 1000;

    public static PageRequest Parse(HttpContext context, IReadOnlyCollection<string> sortableFields)
    {
        var page = ParseInt(context, "page", 0, 0, int.MaxValue);
        var size = ParseInt(context, "size", DefaultSize, 1, MaxSize);
        var sort = new List<SortKey>();
        foreach (var raw in context.Request.Query["sort"])
        {
            if (!string.IsNullOrWhiteSpace(raw))
            {
                sort.Add(ParseSort(raw, sortableFields));
            }
        }

        return new PageRequest(page, size, sort.Count > 0 ? sort : [new SortKey("created_at", true)]);
    }

    /// <summary>Sorts, counts and cuts one page out of <paramref name="items"/>.</summary>
    public (List<T> Content, long Total, int TotalPages) Apply<T>(IEnumerable<T> items, IReadOnlyDictionary<string, Func<T, object?>> keys, Func<T, long> ordinal)
    {
        var list = items.ToList();
        var tieBreakDescending = Sort[0].Descending;
        list.Sort((a, b) =>
        {
            foreach (var key in Sort)
            {
                var order = CompareValues(keys[key.Field](a), keys[key.Field](b));
                if (order != 0)
                {
                    return key.Descending ? -order : order;
                }
            }

            var byOrdinal = ordinal(a).CompareTo(ordinal(b));
            return tieBreakDescending ? -byOrdinal : byOrdinal;
        });
        var totalPages = (int)Math.Ceiling(list.Count / (double)Size);
        var content = list.Skip((int)Math.Min((long)Page * Size, int.MaxValue)).Take(Size).ToList();
        return (content, list.Count, totalPages);
    }

    private static int CompareValues(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string x, string y) => string.CompareOrdinal(x, y),
        _ => Comparer<object>.Default.Compare(a, b),
    };

    private static int ParseInt(HttpContext context, string name, int fallback, int min, int max)
    {
        var raw = context.Request.Query[name].ToString();
        if (string.IsNullOrEmpty(raw))
        {
            return fallback;
        }

        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw HttpProblemException.BadRequest($"Query parameter '{name}' is '{raw}'; it must be an integer from {min} to {max}.");
        }

        return value;
    }

    private static SortKey ParseSort(string raw, IReadOnlyCollection<string> sortableFields)
    {
        var parts = raw.Split(',', StringSplitOptions.TrimEntries);
        var field = ToSnakeCase(parts[0]);
        if (!sortableFields.Contains(field))
        {
            throw HttpProblemException.BadRequest($"Cannot sort by '{parts[0]}'. Sortable fields: {string.Join(", ", sortableFields)} (as sort=field,asc or sort=field,desc).");
        }

        if (parts.Length > 2 || (parts.Length == 2 && !parts[1].Equals("asc", StringComparison.OrdinalIgnoreCase) && !parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase)))
        {
            throw HttpProblemException.BadRequest($"Sort '{raw}' is malformed; write sort=field,asc or sort=field,desc.");
        }

        return new SortKey(field, parts.Length == 2 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Accepts <c>createdAt</c> as well as <c>created_at</c>, since camelCase clients exist.</summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c))
            {
                builder.Append('_').Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
