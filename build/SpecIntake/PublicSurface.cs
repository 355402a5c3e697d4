using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KipuHub.SpecIntake;

/// <summary>
/// The public API of generated C# as one line per public type and member ("KipuHub.Generated.Quantum.Job: public
/// string? Name { get; set; }"), read from the source with Roslyn's parser (no compilation, so it works on the code of
/// a spec that would not compile against the facade). Bodies, attributes and comments are left out: two specs with the
/// same lines give the same public surface, as tests/KipuHub.PublicApi.Tests would see it.
/// </summary>
internal static class PublicSurface
{
    /// <summary>The public surface of <paramref name="code"/>, in declaration order.</summary>
    internal static IReadOnlyList<string> Of(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code).GetCompilationUnitRoot();
        var lines = new List<string>();
        foreach (var type in root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().Where(IsVisible))
        {
            var name = FullName(type);
            lines.Add($"{name}: {Header(type)}");
            switch (type)
            {
                case EnumDeclarationSyntax @enum:
                    lines.AddRange(@enum.Members.Select(m => $"{name}: {m.Identifier.Text}{(m.EqualsValue is null ? string.Empty : " " + Flat(m.EqualsValue))}"));
                    break;
                case TypeDeclarationSyntax declaration:
                    var inInterface = declaration is InterfaceDeclarationSyntax;
                    lines.AddRange(declaration.Members
                        .Where(m => m is not BaseTypeDeclarationSyntax && (inInterface || IsPublic(m.Modifiers)))
                        .Select(m => $"{name}: {Signature(m)}"));
                    break;
            }
        }

        foreach (var @delegate in root.DescendantNodes().OfType<DelegateDeclarationSyntax>().Where(d => IsPublic(d.Modifiers)))
        {
            lines.Add($"{Namespace(@delegate)}: {Flat(@delegate.WithAttributeLists(default))}");
        }

        return lines;
    }

    /// <summary>The lines only in <paramref name="older"/> ("- ...") and only in <paramref name="newer"/> ("+ ...").</summary>
    internal static IReadOnlyList<string> Diff(IReadOnlyList<string> older, IReadOnlyList<string> newer)
    {
        var oldSet = older.ToHashSet(StringComparer.Ordinal);
        var newSet = newer.ToHashSet(StringComparer.Ordinal);
        return older.Where(l => !newSet.Contains(l)).Distinct().Select(l => "- " + l)
            .Concat(newer.Where(l => !oldSet.Contains(l)).Distinct().Select(l => "+ " + l))
            .ToList();
    }

    private static bool IsVisible(BaseTypeDeclarationSyntax type) =>
        type.AncestorsAndSelf().OfType<BaseTypeDeclarationSyntax>().All(t => IsPublic(t.Modifiers));

    private static bool IsPublic(SyntaxTokenList modifiers) => modifiers.Any(SyntaxKind.PublicKeyword);

    private static string FullName(BaseTypeDeclarationSyntax type)
    {
        var names = type.AncestorsAndSelf().OfType<BaseTypeDeclarationSyntax>().Reverse().Select(t => t.Identifier.Text + TypeParameters(t));
        var ns = Namespace(type);
        return (ns.Length == 0 ? string.Empty : ns + ".") + string.Join(".", names);
    }

    private static string TypeParameters(BaseTypeDeclarationSyntax type) =>
        type is TypeDeclarationSyntax { TypeParameterList: { } list } ? Flat(list) : string.Empty;

    private static string Namespace(SyntaxNode node) =>
        string.Join(".", node.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().Select(n => n.Name.ToString()));

    private static string Header(BaseTypeDeclarationSyntax type)
    {
        var keyword = type switch
        {
            EnumDeclarationSyntax => "enum",
            TypeDeclarationSyntax t => t.Keyword.Text,
            _ => "type",
        };
        var bases = type.BaseList is null ? string.Empty : " " + Flat(type.BaseList);
        return $"{type.Modifiers} {keyword} {type.Identifier.Text}{TypeParameters(type)}{bases}".Trim();
    }

    private static string Signature(MemberDeclarationSyntax member) => Flat(member switch
    {
        BaseMethodDeclarationSyntax m => m.WithBody(null).WithExpressionBody(null).WithSemicolonToken(default).WithAttributeLists(default),
        PropertyDeclarationSyntax p => p.WithAttributeLists(default).WithInitializer(null).WithExpressionBody(null).WithSemicolonToken(default)
            .WithAccessorList(p.AccessorList is null ? null : SyntaxFactory.AccessorList(SyntaxFactory.List(p.AccessorList.Accessors.Select(a => a.WithBody(null).WithExpressionBody(null).WithAttributeLists(default).WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken)))))),
        BaseFieldDeclarationSyntax f => f.WithAttributeLists(default),
        _ => member.WithAttributeLists(default),
    });

    // One line, single spaces: the text of a declaration without its trivia (comments, line breaks).
    private static string Flat(SyntaxNode node) =>
        string.Join(" ", node.NormalizeWhitespace(indentation: string.Empty, eol: " ").ToString().Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
