using System.Text;

namespace KipuHub.PublicApi.Tests.Support;

/// <summary>A small line diff (longest common subsequence) printed unified-style: "-" baseline only, "+" current only.</summary>
public static class LineDiff
{
    /// <summary>One line of the diff: ' ' unchanged, '-' only in the old text, '+' only in the new text.</summary>
    public readonly record struct Line(char Kind, string Text, int OldLine, int NewLine);

    /// <summary>Above this many cells the LCS table is not built: the changed middle is shown as all removed, then all added.</summary>
    private const long MaxTableCells = 4_000_000;

    public static IReadOnlyList<Line> Compute(string oldText, string newText)
    {
        var a = SplitLines(oldText);
        var b = SplitLines(newText);

        // Common prefix and suffix first: an API change is usually a few lines in a long file.
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix]) prefix++;
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)]) suffix++;

        var result = new List<Line>(a.Length + 16);
        for (var i = 0; i < prefix; i++) result.Add(new Line(' ', a[i], i + 1, i + 1));

        var aMid = a.AsSpan(prefix, a.Length - prefix - suffix).ToArray();
        var bMid = b.AsSpan(prefix, b.Length - prefix - suffix).ToArray();
        if ((long)(aMid.Length + 1) * (bMid.Length + 1) <= MaxTableCells)
        {
            Lcs(aMid, bMid, prefix, result);
        }
        else
        {
            for (var i = 0; i < aMid.Length; i++) result.Add(new Line('-', aMid[i], prefix + i + 1, 0));
            for (var j = 0; j < bMid.Length; j++) result.Add(new Line('+', bMid[j], 0, prefix + j + 1));
        }

        for (var k = suffix; k > 0; k--)
        {
            result.Add(new Line(' ', a[^k], a.Length - k + 1, b.Length - k + 1));
        }
        return result;
    }

    private static void Lcs(string[] a, string[] b, int offset, List<Line> result)
    {
        // lengths[i, j] = LCS length of a[i..] and b[j..]
        var lengths = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < a.Length && y < b.Length)
        {
            if (a[x] == b[y])
            {
                result.Add(new Line(' ', a[x], offset + x + 1, offset + y + 1));
                x++;
                y++;
            }
            else if (lengths[x + 1, y] >= lengths[x, y + 1])
            {
                result.Add(new Line('-', a[x], offset + x + 1, 0));
                x++;
            }
            else
            {
                result.Add(new Line('+', b[y], 0, offset + y + 1));
                y++;
            }
        }
        for (; x < a.Length; x++) result.Add(new Line('-', a[x], offset + x + 1, 0));
        for (; y < b.Length; y++) result.Add(new Line('+', b[y], 0, offset + y + 1));
    }

    /// <summary>
    /// Unified-style text: hunks with <paramref name="context"/> unchanged lines around the changes, at most
    /// <paramref name="maxChangedLines"/> "+"/"-" lines, then a count of what was left out.
    /// </summary>
    public static string Format(IReadOnlyList<Line> diff, int maxChangedLines = 40, int context = 2)
    {
        var changed = diff.Count(l => l.Kind != ' ');
        if (changed == 0) return "";

        var show = new bool[diff.Count];
        for (var i = 0; i < diff.Count; i++)
        {
            if (diff[i].Kind == ' ') continue;
            for (var k = Math.Max(0, i - context); k <= Math.Min(diff.Count - 1, i + context); k++) show[k] = true;
        }

        var text = new StringBuilder();
        var printed = 0;
        var previous = -2;
        for (var i = 0; i < diff.Count && printed < maxChangedLines; i++)
        {
            if (!show[i]) continue;
            if (i != previous + 1)
            {
                text.Append("@@ baseline line ").Append(OldPosition(diff, i)).Append(", current line ").Append(NewPosition(diff, i)).Append(" @@\n");
            }
            previous = i;
            var line = diff[i];
            text.Append(line.Kind).Append(line.Text).Append('\n');
            if (line.Kind != ' ') printed++;
        }
        if (changed > printed) text.Append("... and ").Append(changed - printed).Append(" more changed line(s)\n");
        return text.ToString();
    }

    private static int OldPosition(IReadOnlyList<Line> diff, int index)
    {
        for (var i = index; i < diff.Count; i++) if (diff[i].OldLine > 0) return diff[i].OldLine;
        return diff.LastOrDefault(l => l.OldLine > 0).OldLine + 1;
    }

    private static int NewPosition(IReadOnlyList<Line> diff, int index)
    {
        for (var i = index; i < diff.Count; i++) if (diff[i].NewLine > 0) return diff[i].NewLine;
        return diff.LastOrDefault(l => l.NewLine > 0).NewLine + 1;
    }

    private static string[] SplitLines(string text)
    {
        var normalized = text.Replace("\r\n", "\n").Replace('\r', '\n');
        if (normalized.EndsWith('\n')) normalized = normalized[..^1];
        return normalized.Length == 0 ? [] : normalized.Split('\n');
    }
}
