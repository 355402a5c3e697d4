namespace KipuHub.Http.Internal;

/// <summary>
/// Turns a request path into a low-cardinality template for spans, metrics and logs: <c>/quantum/jobs/3f2a.../result</c>
/// becomes <c>/quantum/jobs/{id}/result</c>.
/// </summary>
/// <remarks>
/// The Hub's fixed path segments are lower-case words joined by '-' (<c>jobs</c>, <c>result-stream</c>,
/// <c>service-executions</c>); ids contain digits, dots, upper case or underscores (job and session ids, backend ids
/// such as <c>aws.sim.sv1</c>). A segment that looks like a word is kept; anything else is <c>{id}</c>.
/// </remarks>
internal static class PathTemplate
{
    private const int LongestWord = 40;

    /// <summary>Returns the template of <paramref name="path"/> (a path without query).</summary>
    public static string From(string path)
    {
        if (path.Length == 0)
        {
            return "/";
        }

        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Length > 0 && !IsWord(segments[i]))
            {
                segments[i] = "{id}";
            }
        }

        return string.Join('/', segments);
    }

    private static bool IsWord(string segment) =>
        segment.Length <= LongestWord
        && char.IsAsciiLetterLower(segment[0])
        && segment.All(c => char.IsAsciiLetterLower(c) || c == '-');
}
