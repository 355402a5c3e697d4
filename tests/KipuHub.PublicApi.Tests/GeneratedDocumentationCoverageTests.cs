using System.Reflection;
using System.Xml.Linq;
using KipuHub.PublicApi.Tests.Support;

namespace KipuHub.PublicApi.Tests;

/// <summary>
/// Documentation coverage of the generated assemblies, read from the XML doc files the compiler writes beside them:
/// every public type and every public or protected member declared on it (properties, methods, constructors with
/// parameters, fields such as enum members, events) must have a non-empty <c>summary</c> or an <c>inheritdoc</c>. That is what
/// IntelliSense shows; the text comes from the specs' descriptions or from the Liquid templates.
/// </summary>
public class GeneratedDocumentationCoverageTests
{
    public static IEnumerable<TestCaseData> GeneratedAssemblies()
    {
        yield return Case(typeof(KipuHub.Generated.Quantum.JobsClient).Assembly);
        yield return Case(typeof(KipuHub.Generated.Service.ServiceApiClient).Assembly);
        yield return Case(typeof(KipuHub.Generated.Platform.DataPoolsClient).Assembly);
    }

    private static TestCaseData Case(Assembly assembly) => new TestCaseData(assembly).SetArgDisplayNames(assembly.GetName().Name!);

    [TestCaseSource(nameof(GeneratedAssemblies))]
    public void Every_public_generated_type_and_member_is_documented(Assembly assembly)
    {
        var docs = DocumentedIds(assembly);
        var types = assembly.GetExportedTypes();
        var members = types.SelectMany(DocumentableMembers).ToList();
        var missingTypes = types.Where(t => !docs.Contains(XmlDocIds.Of(t))).Select(XmlDocIds.Of).ToList();
        var missingMembers = members.Select(XmlDocIds.Of).Where(id => !docs.Contains(id)).ToList();

        var total = types.Length + members.Count;
        var documented = total - missingTypes.Count - missingMembers.Count;
        TestContext.Out.WriteLine(
            $"{assembly.GetName().Name}: {documented}/{total} documented ({100.0 * documented / total:F1}%); " +
            $"types {types.Length - missingTypes.Count}/{types.Length}, members {members.Count - missingMembers.Count}/{members.Count}");
        foreach (var id in missingTypes.Concat(missingMembers).Take(200)) TestContext.Out.WriteLine("  undocumented " + id);

        Assert.That(types.Length, Is.GreaterThan(10), "the scan must see the generated types");
        Assert.That(missingTypes.Concat(missingMembers), Is.Empty, $"{total - documented} undocumented public members in {assembly.GetName().Name}");
    }

    [Test]
    public void The_scan_finds_the_documentation_of_known_members()
    {
        // Guards the doc-id computation: if it were wrong, everything would look undocumented (or, with a broken
        // lookup, documented); these ids are documented today and must be found.
        var docs = DocumentedIds(typeof(KipuHub.Generated.Quantum.JobsClient).Assembly);
        Assert.That(docs, Does.Contain(XmlDocIds.Of(typeof(KipuHub.Generated.Quantum.JobsClient).GetMethod(nameof(KipuHub.Generated.Quantum.JobsClient.GetJobAsync))!)));
        Assert.That(docs, Does.Contain(XmlDocIds.Of(typeof(KipuHub.Generated.Quantum.CreateJobRequest).GetProperty(nameof(KipuHub.Generated.Quantum.CreateJobRequest.BackendId))!)));
        Assert.That(docs, Does.Not.Contain("T:KipuHub.Generated.Quantum.NoSuchType"));
    }

    private static IEnumerable<MemberInfo> DocumentableMembers(Type type)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var member in type.GetMembers(flags))
        {
            if (member is Type) continue;   // nested types are exported types themselves
            if (!IsVisible(member)) continue;
            if (member is MethodBase { IsSpecialName: true } special && !special.Name.StartsWith("op_", StringComparison.Ordinal) && member is not ConstructorInfo) continue;
            if (member.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute))) continue;
            if (type.IsEnum && member is FieldInfo { IsSpecialName: true }) continue;   // value__
            if (member is ConstructorInfo { IsStatic: true }) continue;
            // A parameterless constructor is usually the compiler's implicit one, which has no doc comment to write
            // (the compiler does not ask for one either); IntelliSense shows the type's summary for it.
            if (member is ConstructorInfo { IsStatic: false } ctor && ctor.GetParameters().Length == 0) continue;
            yield return member;
        }
    }

    private static bool IsVisible(MemberInfo member) => member switch
    {
        MethodBase m => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly,
        FieldInfo f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly,
        PropertyInfo p => p.GetAccessors(nonPublic: true).Any(a => a.IsPublic || a.IsFamily || a.IsFamilyOrAssembly),
        EventInfo e => e.AddMethod is { } add && (add.IsPublic || add.IsFamily || add.IsFamilyOrAssembly),
        _ => false,
    };

    /// <summary>The ids in the assembly's XML doc file that carry a non-empty summary or an inheritdoc.</summary>
    private static HashSet<string> DocumentedIds(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        Assert.That(File.Exists(path), Is.True, $"no XML documentation file beside {assembly.Location} (GenerateDocumentationFile)");
        return XDocument.Load(path).Descendants("member")
            .Where(m => m.Element("inheritdoc") is not null || !string.IsNullOrWhiteSpace(m.Element("summary")?.Value))
            .Select(m => (string)m.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);
    }
}
