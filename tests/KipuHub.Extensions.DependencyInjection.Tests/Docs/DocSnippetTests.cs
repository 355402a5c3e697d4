namespace KipuHub.Extensions.DependencyInjection.Tests.Docs;

/// <summary>
/// Every C# block of README.md, the package READMEs and docs/*.md compiles, as a user would paste it into a new
/// project with only the usings the block shows. See <see cref="MarkdownSnippet"/> for the marker that declares what
/// the surrounding text has already introduced.
/// </summary>
[TestFixture]
public class DocSnippetTests
{
    private static readonly string Root = RepositoryRoot();

    public static IEnumerable<TestCaseData> Snippets() =>
        MarkdownSnippet.DocumentedFiles(Root)
            .SelectMany(path => MarkdownSnippet.Extract(Path.GetRelativePath(Root, path).Replace('\\', '/'), File.ReadAllText(path)))
            .Select(snippet => new TestCaseData(snippet).SetName($"Snippet_Compiles({snippet})"));

    [TestCaseSource(nameof(Snippets))]
    public void Snippet_Compiles(MarkdownSnippet snippet)
    {
        var errors = SnippetCompiler.Compile(snippet);

        Assert.That(errors, Is.Empty, $"{snippet} does not compile:\n{string.Join('\n', errors)}\n\n{snippet.Code}");
    }

    [Test]
    public void EveryDocumentedFile_IsScanned_AndTheirSnippetsAreFound()
    {
        var files = MarkdownSnippet.DocumentedFiles(Root).Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/')).ToList();

        Assert.That(files, Is.SupersetOf(new[]
        {
            "README.md", "docs/configuration.md", "docs/facade.md", "docs/migration-from-python.md", "docs/sdk-mapping.md",
            "src/KipuHub/README.md", "src/KipuHub.Emulator/README.md", "src/KipuHub.Emulator.Tool/README.md",
            "src/KipuHub.Extensions.DependencyInjection/README.md", "generated/PACKAGE.md",
        }));
        Assert.That(Snippets().Count(), Is.GreaterThanOrEqualTo(14), "the README alone has four C# blocks");
    }

    [Test]
    public void ABrokenSnippet_IsReportedAtItsMarkdownLine()
    {
        const string markdown = "# Title\n\n```csharp\nusing KipuHub;\n\nvar client = new HubQuantumClient(\"token\");\nclient.NoSuchMethod();\n```\n";
        var snippet = MarkdownSnippet.Extract("docs/example.md", markdown).Single();

        var errors = SnippetCompiler.Compile(snippet);

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0], Does.StartWith("docs/example.md:7: CS1061"), "the line of client.NoSuchMethod() in the Markdown file");
    }

    [Test]
    public void AMissingUsing_FailsEvenWhenTheTestProjectImportsIt()
    {
        // This test project imports KipuHub globally; a snippet must not inherit that.
        var snippet = MarkdownSnippet.Extract("x.md", "```csharp\nvar client = new HubQuantumClient(\"token\");\n```\n").Single();

        Assert.That(SnippetCompiler.Compile(snippet), Has.One.Contains("x.md:2: CS0246"));
    }

    [Test]
    public void Marker_DeclaresWebContextAndGivenVariables()
    {
        const string markdown = "<!-- snippet: web; given string token, Dictionary<string, int> counts -->\n```csharp\napp.MapGet(\"/\", () => token + counts.Count);\n```\n";
        var snippet = MarkdownSnippet.Extract("x.md", markdown).Single();

        Assert.That(snippet.Context, Is.EqualTo(SnippetContext.Web));
        Assert.That(snippet.Givens, Is.EqualTo(new[] { "string token", "Dictionary<string, int> counts" }));
        Assert.That(SnippetCompiler.Compile(snippet), Is.Empty);
    }

    [Test]
    public void Marker_WithAnUnknownPart_IsAnError()
    {
        Assert.Throws<FormatException>(() => MarkdownSnippet.Extract("x.md", "<!-- snippet: wbe -->\n```csharp\nvar x = 1;\n```\n").ToList());
    }

    [Test]
    public void BlocksOfOtherLanguages_AreNotCompiled()
    {
        const string markdown = "```bash\ndotnet run\n```\n\n```json\n{ }\n```\n\n```cs\nvar x = 1;\n```\n";

        Assert.That(MarkdownSnippet.Extract("x.md", markdown).Select(s => s.Line), Is.EqualTo(new[] { 10 }));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KipuHub.Packages.slnf")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("KipuHub.Packages.slnf not found above the test directory.");
    }
}
