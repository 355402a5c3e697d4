using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KipuHub.Extensions.DependencyInjection.Tests.Docs;

/// <summary>
/// Compiles a <see cref="MarkdownSnippet"/> as a user would, in a new project that references the KipuHub packages:
/// the SDK's implicit usings, the usings the snippet shows, nothing else; nullable on. Diagnostics point at the
/// Markdown file and line (<c>#line</c> directives map the generated source back).
/// </summary>
public static class SnippetCompiler
{
    /// <summary>The implicit usings of a Microsoft.NET.Sdk project (ImplicitUsings enable).</summary>
    public static readonly IReadOnlyList<string> ConsoleUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    /// <summary>The implicit usings of a Microsoft.NET.Sdk.Web project.</summary>
    public static readonly IReadOnlyList<string> WebUsings =
    [
        .. ConsoleUsings, "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    /// <summary>What <c>dotnet new web</c> declares before a minimal API's registrations and endpoints.</summary>
    private static readonly string[] WebGivens =
        ["WebApplicationBuilder builder = WebApplication.CreateBuilder(args)", "WebApplication app = builder.Build()"];

    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);

    /// <summary>Compiles the snippet; returns its errors as "file:line: CSxxxx message", none when it compiles.</summary>
    public static IReadOnlyList<string> Compile(MarkdownSnippet snippet)
    {
        var implicitUsings = snippet.Context == SnippetContext.Web ? WebUsings : ConsoleUsings;
        var trees = new[]
        {
            CSharpSyntaxTree.ParseText(string.Concat(implicitUsings.Select(u => $"global using global::{u};\n")), Parse, "ImplicitUsings.g.cs"),
            CSharpSyntaxTree.ParseText(Source(snippet), Parse, snippet.File),
        };
        var hasStatements = trees[1].GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();
        var compilation = CSharpCompilation.Create(
            "Snippet",
            trees,
            References.Value,
            new CSharpCompilationOptions(hasStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        return compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d =>
            {
                var where = d.Location.GetMappedLineSpan();
                return $"{where.Path}:{where.StartLinePosition.Line + 1}: {d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
            })
            .ToList();
    }

    /// <summary>
    /// The snippet's usings, then the given variables (hidden from diagnostics), then the rest of the snippet, each
    /// part mapped to its Markdown line.
    /// </summary>
    private static string Source(MarkdownSnippet snippet)
    {
        var unit = CSharpSyntaxTree.ParseText(snippet.Code, Parse).GetCompilationUnitRoot();
        var split = unit.Usings.Count > 0 ? unit.Usings.Last().FullSpan.End : 0;
        var usings = snippet.Code[..split];
        var rest = snippet.Code[split..];
        var givens = (snippet.Context == SnippetContext.Web ? WebGivens : []).Concat(snippet.Givens.Select(Default));
        var file = snippet.File.Replace("\\", "/", StringComparison.Ordinal);

        var source = new StringBuilder();
        source.Append($"#line {snippet.Line} \"{file}\"\n").Append(usings);
        if (!usings.EndsWith('\n') && usings.Length > 0)
        {
            source.Append('\n');
        }

        source.Append("#line hidden\n");
        foreach (var given in givens)
        {
            source.Append(given).Append(";\n");
        }

        source.Append($"#line {snippet.Line + usings.Count(c => c == '\n')} \"{file}\"\n").Append(rest).Append('\n');
        return source.ToString();
    }

    /// <summary>"string token" becomes "string token = default!"; a declaration with its own initializer stays.</summary>
    private static string Default(string given) => given.Contains('=', StringComparison.Ordinal) ? given : $"{given} = default!";

    /// <summary>
    /// What a user's project compiles against: the .NET and ASP.NET Core shared frameworks, the shipped KipuHub
    /// assemblies and their dependencies (Microsoft.Extensions.TimeProvider.Testing too, for the emulator's fake clock;
    /// OpenTelemetry for the telemetry snippet); not NUnit, Moq or this test project's other test libraries.
    /// </summary>
    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        var frameworks = new[] { typeof(object), typeof(Microsoft.AspNetCore.Builder.WebApplication) }
            .Select(t => Path.GetDirectoryName(t.Assembly.Location)!)
            .ToArray();
        var shipped = new[]
        {
            "KipuHub", "KipuHub.Generated.Quantum", "KipuHub.Generated.Service", "KipuHub.Generated.Platform",
            "KipuHub.Extensions.DependencyInjection", "KipuHub.Emulator",
        };
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(path =>
            {
                var name = Path.GetFileNameWithoutExtension(path);
                return frameworks.Contains(Path.GetDirectoryName(path))
                    || shipped.Contains(name)
                    || name == "Newtonsoft.Json"
                    || name.StartsWith("Polly", StringComparison.Ordinal)
                    || name.StartsWith("OpenTelemetry", StringComparison.Ordinal)
                    || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal);
            })
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }
}
