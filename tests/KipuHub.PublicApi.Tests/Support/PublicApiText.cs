using System.Reflection;
using System.Text.RegularExpressions;
using PublicApiGenerator;

namespace KipuHub.PublicApi.Tests.Support;

/// <summary>Renders an assembly's public API as C# text, the same way every time.</summary>
public static class PublicApiText
{
    /// <summary>
    /// Attributes left out of the text because they carry tool versions or build-environment values, not API:
    /// NSwag stamps every generated type with <c>[GeneratedCode("NSwag", "14.7.1.0 (NJsonSchema v11...)")]</c>,
    /// so a tool upgrade would rewrite thousands of lines; <c>AssemblyMetadata("RepositoryUrl", ...)</c> is the clone's
    /// git remote (Source Link), which differs between a fork, CI and a clone without a remote.
    /// Nothing else is excluded.
    /// </summary>
    public static readonly IReadOnlyList<string> ExcludedAttributes =
    [
        "System.CodeDom.Compiler.GeneratedCodeAttribute",
        "System.Reflection.AssemblyMetadataAttribute",
    ];

    public static string Generate(Assembly assembly)
    {
        var options = new ApiGeneratorOptions
        {
            ExcludeAttributes = [.. ExcludedAttributes],
            // By default types in System.* and Microsoft.* namespaces are skipped; ours are API too
            // (AddKipuHub lives in Microsoft.Extensions.DependencyInjection by convention).
            DenyNamespacePrefixes = [],
        };
        return Normalize(assembly.GeneratePublicApi(options));
    }

    /// <summary>LF line endings, no trailing whitespace, exactly one final newline: a checkout with CRLF compares equal.</summary>
    public static string Normalize(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd());
        return string.Join("\n", lines).TrimEnd('\n') + "\n";
    }

    /// <summary>The public types the text declares (classes, records, interfaces, structs, enums, delegates), by full name.</summary>
    public static IReadOnlyList<string> DeclaredTypes(string apiText)
    {
        var types = new List<string>();
        var ns = "";
        foreach (var raw in apiText.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("namespace ", StringComparison.Ordinal))
            {
                ns = line["namespace ".Length..].Trim();
                continue;
            }
            var name = TypeName(line);
            if (name is not null) types.Add(ns.Length == 0 ? name : ns + "." + name);
        }
        return types;
    }

    private static readonly Regex TypeDeclaration = new(
        @"^public (?:(?:static|sealed|abstract|readonly|partial|ref|unsafe|new) )*" +
        @"(?:(?:record struct|record class|record|class|interface|struct|enum) (?<name>[A-Za-z_]\w*(?:<[^>]*>)?)" +
        @"|delegate .+ (?<name>[A-Za-z_]\w*(?:<[^>]*>)?)\()",
        RegexOptions.CultureInvariant);

    private static string? TypeName(string line)
    {
        var match = TypeDeclaration.Match(line);
        return match.Success ? match.Groups["name"].Value : null;
    }
}
