using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KipuHub.PublicApi.Tests;

/// <summary>
/// A user imports whatever namespaces they need; no two of them may define the same type name, or every use of that
/// name is a CS0104 error. This compiles a file that imports every public namespace the packages expose and names
/// every public type by its simple name, the way user code does.
/// </summary>
public class NamespaceClashTests
{
    private static readonly Assembly[] Shipped =
    [
        typeof(KipuHub.HubQuantumClient).Assembly,
        typeof(Microsoft.Extensions.DependencyInjection.KipuHubServiceCollectionExtensions).Assembly,
        typeof(KipuHub.Emulator.KipuHubEmulator).Assembly,
        typeof(KipuHub.Generated.Quantum.JobsClient).Assembly,
        typeof(KipuHub.Generated.Service.ServiceApiClient).Assembly,
        typeof(KipuHub.Generated.Platform.DataPoolsClient).Assembly,
        typeof(global::Aspire.Hosting.KipuHubResourceBuilderExtensions).Assembly,
        typeof(Microsoft.Extensions.Hosting.KipuHubClientHostingExtensions).Assembly,
    ];

    private static IEnumerable<Type> PublicTypes() => Shipped.SelectMany(a => a.GetExportedTypes()).Where(t => !t.IsNested);

    [Test]
    public void No_two_public_types_of_the_packages_share_a_name()
    {
        var clashes = PublicTypes()
            .GroupBy(t => t.Name)
            .Where(g => g.Select(t => t.Namespace).Distinct().Count() > 1)
            .Select(g => g.Key + ": " + string.Join(", ", g.Select(t => t.FullName)))
            .ToList();

        Assert.That(clashes, Is.Empty);
    }

    [Test]
    public void A_file_importing_every_public_namespace_compiles_and_names_every_public_type()
    {
        var types = PublicTypes().ToList();
        var namespaces = types.Select(t => t.Namespace!).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.That(namespaces, Is.SupersetOf(new[]
        {
            "KipuHub", "KipuHub.Generated.Quantum", "KipuHub.Generated.Platform", "KipuHub.Generated.Service", "KipuHub.Extensions.DependencyInjection",
        }));

        var source = string.Join("\n", namespaces.Select(n => $"using {n};")) + """

            namespace ClashProbe
            {
                internal static class EveryType
                {
                    internal static readonly System.Type[] All =
                    {
            """ + string.Join("\n", types.Select(t => $"            typeof({SimpleName(t)}),")) + """

                    };
                }
            }
            """;

        var references = References().ToList();
        Assert.That(Errors(source, references), Is.Empty, $"{types.Count} types in {namespaces.Count} namespaces");

        // The probe can fail: one more namespace with a clashing name makes it a CS0104 error.
        var clashing = "using ClashProbe.Extra;\n" + source + "\nnamespace ClashProbe.Extra { public class Job { } }";
        Assert.That(Errors(clashing, references), Has.Some.Contains("CS0104"));
    }

    private static List<string> Errors(string source, IEnumerable<MetadataReference> references) =>
        CSharpCompilation.Create("ClashProbe", [CSharpSyntaxTree.ParseText(source)], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.ToString())
            .ToList();

    // Page<T> is named Page<>, an unbound generic type.
    private static string SimpleName(Type type)
    {
        if (!type.IsGenericTypeDefinition)
            return type.Name;
        var arity = type.GetGenericArguments().Length;
        return type.Name[..type.Name.IndexOf('`')] + "<" + new string(',', arity - 1) + ">";
    }

    // The framework (trusted platform assemblies) and every managed assembly beside the tests (packages and project references).
    private static IEnumerable<MetadataReference> References()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var local = Directory.GetFiles(AppContext.BaseDirectory, "*.dll");
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in platform.Concat(local))
        {
            if (!seen.Add(Path.GetFileName(path)) || !IsManaged(path))
                continue;
            yield return MetadataReference.CreateFromFile(path);
        }
    }

    private static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
