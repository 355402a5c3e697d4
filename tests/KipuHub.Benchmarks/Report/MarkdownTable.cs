using System.Text;

namespace KipuHub.Benchmarks.Report;

/// <summary>A GitHub-flavoured Markdown table; the same text goes to the console and to docs/performance.md.</summary>
public sealed class MarkdownTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public MarkdownTable Row(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine("| " + string.Join(" | ", headers) + " |");
        text.AppendLine("|" + string.Concat(headers.Select(_ => " --- |")));
        foreach (var row in _rows) text.AppendLine("| " + string.Join(" | ", row) + " |");
        return text.ToString();
    }
}
