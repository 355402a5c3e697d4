namespace KipuHub.Emulator.Faults;

/// <summary>
/// Matches request paths against patterns: segments separated by '/', <c>*</c> matches one segment (or part of one, as
/// in <c>result*</c>), <c>**</c> any number of segments. Case-insensitive; trailing slashes are ignored.
/// </summary>
internal static class PathMatcher
{
    public static bool IsMatch(string pattern, string path)
        => Match(Split(pattern), 0, Split(path), 0);

    private static string[] Split(string value) => value.Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static bool Match(string[] pattern, int p, string[] path, int s)
    {
        if (p == pattern.Length)
        {
            return s == path.Length;
        }

        if (pattern[p] == "**")
        {
            for (var skip = s; skip <= path.Length; skip++)
            {
                if (Match(pattern, p + 1, path, skip))
                {
                    return true;
                }
            }

            return false;
        }

        return s < path.Length && SegmentMatches(pattern[p], path[s]) && Match(pattern, p + 1, path, s + 1);
    }

    private static bool SegmentMatches(string pattern, string segment)
    {
        if (!pattern.Contains('*'))
        {
            return string.Equals(pattern, segment, StringComparison.OrdinalIgnoreCase);
        }

        var parts = pattern.Split('*');
        var position = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var index = segment.IndexOf(part, position, StringComparison.OrdinalIgnoreCase);
            if (index < 0 || (i == 0 && index != 0))
            {
                return false;
            }

            position = index + part.Length;
        }

        return parts[^1].Length == 0 || segment.EndsWith(parts[^1], StringComparison.OrdinalIgnoreCase);
    }
}
