using System.Text.RegularExpressions;

namespace KipuHub.Extensions.DependencyInjection.Tests.Docs;

/// <summary>Where a snippet compiles: a console project (Microsoft.NET.Sdk) or an ASP.NET Core one (Microsoft.NET.Sdk.Web).</summary>
public enum SnippetContext
{
    /// <summary>A console app: the console SDK's implicit usings, top-level statements.</summary>
    Console,

    /// <summary>An ASP.NET Core app: the Web SDK's implicit usings, and <c>builder</c> / <c>app</c> as in a new minimal API.</summary>
    Web,
}

/// <summary>
/// One fenced C# block of a Markdown file, with what its <c>&lt;!-- snippet: ... --&gt;</c> marker says about it.
/// </summary>
/// <remarks>
/// <para>The marker is an HTML comment on the line just above the fence (invisible on GitHub and nuget.org), with
/// parts separated by ';': <c>web</c> (compile in an ASP.NET Core project: its implicit usings, and
/// <c>builder</c>/<c>app</c> declared as in <c>dotnet new web</c>) and <c>given TYPE name, TYPE name</c> (variables
/// the surrounding text has already introduced, declared before the snippet). Without a marker a block compiles as
/// a console program on its own. Either way it gets only the usings it shows plus the SDK's implicit ones.</para>
/// <para>Every block fenced <c>csharp</c>, <c>cs</c> or <c>c#</c> is compiled: a block that is not meant to compile
/// must not claim to be C#.</para>
/// </remarks>
public sealed partial record MarkdownSnippet(string File, int Line, string Code, SnippetContext Context, IReadOnlyList<string> Givens)
{
    /// <summary>The Markdown files whose C# is compiled: the README, the docs, every package README.</summary>
    public static IReadOnlyList<string> DocumentedFiles(string root) =>
        new[] { Path.Combine(root, "README.md"), Path.Combine(root, "generated", "PACKAGE.md") }
            .Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md"))
            .Concat(Directory.GetDirectories(Path.Combine(root, "src")).Select(d => Path.Combine(d, "README.md")))
            .Concat(Directory.GetDirectories(Path.Combine(root, "samples")).Select(d => Path.Combine(d, "README.md")))
            .Where(System.IO.File.Exists)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Every C# block of <paramref name="markdown"/>, named by <paramref name="file"/> (repository-relative).</summary>
    /// <exception cref="FormatException">A marker part is not understood, or a fence is not closed.</exception>
    public static IEnumerable<MarkdownSnippet> Extract(string file, string markdown)
    {
        var lines = markdown.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = Fence().Match(lines[i]);
            if (!fence.Success)
            {
                continue;
            }

            var end = Array.FindIndex(lines, i + 1, l => l.TrimStart().StartsWith(fence.Groups["ticks"].Value, StringComparison.Ordinal));
            if (end < 0)
            {
                throw new FormatException($"{file}:{i + 1}: the fence is never closed.");
            }

            if (IsCSharp(fence.Groups["info"].Value))
            {
                var (context, givens) = ParseMarker(file, i, i > 0 ? lines[i - 1] : string.Empty);
                yield return new MarkdownSnippet(file, i + 2, string.Join('\n', lines[(i + 1)..end]), context, givens);
            }

            i = end;
        }
    }

    /// <summary>The test name: where the block starts.</summary>
    public override string ToString() => $"{File}:{Line}";

    private static bool IsCSharp(string info) =>
        info.Split(' ', 2)[0].ToLowerInvariant() is "csharp" or "cs" or "c#";

    private static (SnippetContext Context, IReadOnlyList<string> Givens) ParseMarker(string file, int fenceIndex, string previousLine)
    {
        var marker = Marker().Match(previousLine);
        if (!marker.Success)
        {
            return (SnippetContext.Console, []);
        }

        var context = SnippetContext.Console;
        var givens = new List<string>();
        foreach (var part in marker.Groups["parts"].Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (part == "web")
            {
                context = SnippetContext.Web;
            }
            else if (part.StartsWith("given ", StringComparison.Ordinal))
            {
                givens.AddRange(SplitOutsideBrackets(part["given ".Length..]));
            }
            else
            {
                throw new FormatException($"{file}:{fenceIndex}: snippet marker part '{part}' is neither 'web' nor 'given TYPE name, ...'.");
            }
        }

        return (context, givens);
    }

    /// <summary>Splits "string a, Dictionary&lt;string, int&gt; b" at the commas outside angle brackets.</summary>
    private static IEnumerable<string> SplitOutsideBrackets(string declarations)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= declarations.Length; i++)
        {
            if (i == declarations.Length || (declarations[i] == ',' && depth == 0))
            {
                var declaration = declarations[start..i].Trim();
                if (declaration.Length > 0)
                {
                    yield return declaration;
                }

                start = i + 1;
            }
            else if (declarations[i] is '<' or '(' or '[')
            {
                depth++;
            }
            else if (declarations[i] is '>' or ')' or ']')
            {
                depth--;
            }
        }
    }

    [GeneratedRegex(@"^\s*(?<ticks>`{3,}|~{3,})\s*(?<info>[^`]*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s*<!--\s*snippet:(?<parts>.*?)-->\s*$")]
    private static partial Regex Marker();
}
