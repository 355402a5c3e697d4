using System.Reflection;
using KipuHub.PublicApi.Tests.Support;

namespace KipuHub.PublicApi.Tests;

/// <summary>
/// Each shipped assembly's public API, compared with its checked-in baseline (api/&lt;AssemblyName&gt;.txt).
/// A public member that changes without its baseline changing fails here; <c>build/update-public-api.sh</c> accepts it.
/// </summary>
public class PublicApiBaselineTests
{
    /// <summary>The shipped assemblies, each with public types it must contain (so an empty reflection result cannot pass).</summary>
    public static IEnumerable<TestCaseData> ShippedAssemblies()
    {
        yield return Case(typeof(KipuHub.HubQuantumClient), "KipuHub.HubQuantumClient", "KipuHub.HubPlatformClient", "KipuHub.HubServiceClient");
        yield return Case(typeof(Microsoft.Extensions.DependencyInjection.KipuHubServiceCollectionExtensions),
            "Microsoft.Extensions.DependencyInjection.KipuHubServiceCollectionExtensions", "KipuHub.Extensions.DependencyInjection.KipuHubOptions");
        yield return Case(typeof(KipuHub.Emulator.KipuHubEmulator), "KipuHub.Emulator.KipuHubEmulator");
        yield return Case(typeof(global::Aspire.Hosting.KipuHubResourceBuilderExtensions),
            "Aspire.Hosting.KipuHubResourceBuilderExtensions", "Aspire.Hosting.ApplicationModel.KipuHubEmulatorResource", "Aspire.Hosting.ApplicationModel.KipuHubResource");
        yield return Case(typeof(Microsoft.Extensions.Hosting.KipuHubClientHostingExtensions),
            "Microsoft.Extensions.Hosting.KipuHubClientHostingExtensions", "KipuHub.Aspire.KipuHubClientSettings");
        yield return Case(typeof(KipuHub.Generated.Quantum.JobsClient),
            "KipuHub.Generated.Quantum.JobsClient", "KipuHub.Generated.Quantum.IJobsClient", "KipuHub.Generated.Quantum.CreateJobRequest", "KipuHub.Generated.Quantum.BackendsClient");
        yield return Case(typeof(KipuHub.Generated.Service.ServiceApiClient),
            "KipuHub.Generated.Service.ServiceApiClient", "KipuHub.Generated.Service.IServiceApiClient", "KipuHub.Generated.Service.ServiceExecution");
        yield return Case(typeof(KipuHub.Generated.Platform.DataPoolsClient),
            "KipuHub.Generated.Platform.DataPoolsClient", "KipuHub.Generated.Platform.IDataPoolsClient", "KipuHub.Generated.Platform.UsersClient");
    }

    private static TestCaseData Case(Type anchor, params string[] knownTypes) =>
        new TestCaseData(anchor.Assembly, knownTypes).SetArgDisplayNames(anchor.Assembly.GetName().Name!);

    [TestCaseSource(nameof(ShippedAssemblies))]
    public void Public_api_matches_the_checked_in_baseline(Assembly assembly, string[] knownTypes)
    {
        var name = assembly.GetName().Name!;
        var api = PublicApiText.Generate(assembly);

        // Sanity first: the text must really describe this assembly, or a broken generator would "match" an empty file.
        var declared = PublicApiText.DeclaredTypes(api);
        Assert.That(declared, Is.SupersetOf(knownTypes), $"the generated public API of {name} lacks types it is known to have");
        Assert.That(declared, Has.Count.EqualTo(assembly.GetExportedTypes().Length),
            $"the generated public API of {name} must declare every exported type (none filtered out by namespace or kind)");

        var root = ApiBaseline.FindRepositoryRoot(TestContext.CurrentContext.TestDirectory);
        var path = Path.Combine(ApiBaseline.Folder(root), name + ".txt");
        var result = ApiBaseline.Check(name, api, path, Environment.GetEnvironmentVariable);

        if (result.Outcome == ApiBaseline.Outcome.Updated) TestContext.Out.WriteLine(result.Message);
        Assert.That(result.Passed, Is.True, result.Message);
        TestContext.Out.WriteLine($"{name}: {declared.Count} public types, {api.Count(c => c == '\n')} lines");
    }

    [Test]
    public void Every_shipped_assembly_has_a_baseline_and_every_baseline_a_shipped_assembly()
    {
        var root = ApiBaseline.FindRepositoryRoot(TestContext.CurrentContext.TestDirectory);
        var expected = ShippedAssemblies().Select(c => ((Assembly)c.Arguments[0]!).GetName().Name + ".txt").Order(StringComparer.Ordinal);
        var folder = ApiBaseline.Folder(root);
        var present = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal)
            : Enumerable.Empty<string?>();

        if (ApiBaseline.UpdateRequested(Environment.GetEnvironmentVariable) && !ApiBaseline.IsCi(Environment.GetEnvironmentVariable))
        {
            // Update mode writes the expected files; a stale one (an assembly no longer shipped) is reported, not deleted.
            Assert.That(present.Except(expected), Is.Empty, "baselines without a shipped assembly: delete them");
            return;
        }
        Assert.That(present, Is.EqualTo(expected), $"api/ must hold one baseline per shipped assembly; create missing ones with {ApiBaseline.UpdateCommand}");
    }
}
