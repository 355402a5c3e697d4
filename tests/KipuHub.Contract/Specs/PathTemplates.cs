namespace KipuHub.Contract.Specs;

/// <summary>Splits and matches OpenAPI path templates (<c>/jobs/{id}/result</c>) segment by segment.</summary>
internal static class PathTemplates
{
    /// <summary>The non-empty segments of a path or template.</summary>
    public static string[] Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>True for a template variable segment, <c>{name}</c> (an ASP.NET constraint or catch-all inside is allowed).</summary>
    public static bool IsVariable(string segment) => segment.Length > 2 && segment[0] == '{' && segment[^1] == '}';

    /// <summary>
    /// How well <paramref name="segments"/> (a request path, or a route pattern whose variables match any template
    /// variable) fit <paramref name="template"/>: the number of literal segments matched, or -1 if they do not fit.
    /// OpenAPI 3.0.3 4.7.8: "When matching URLs, concrete (non-templated) paths would be matched before their templated counterparts."
    /// </summary>
    public static int Score(IReadOnlyList<string> template, IReadOnlyList<string> segments)
    {
        if (template.Count != segments.Count)
        {
            return -1;
        }

        var literals = 0;
        for (var i = 0; i < template.Count; i++)
        {
            if (IsVariable(template[i]))
            {
                continue;
            }

            if (!string.Equals(template[i], Uri.UnescapeDataString(segments[i]), StringComparison.Ordinal))
            {
                return -1;
            }

            literals++;
        }

        return literals;
    }
}
