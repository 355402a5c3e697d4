using KipuHub.Emulator.Tests.Support;
using KipuHub.Generated.Platform;

namespace KipuHub.Emulator.Tests.Platform;

[TestFixture]
public class CatalogTests : EmulatorTestBase
{
    [Test]
    public async Task Services_ListTheDemoServicesAndTheSeededOnes_PageByPage()
    {
        using var http = Hub.CreatePlatformHttpClient();
        var services = new ServicesClient(http);

        var first = await services.ListServicesAsync(page: 0, size: 10, sort: ["name,asc"]);
        var ids = new List<string>();
        for (var page = 0; page < first.TotalPages; page++)
        {
            ids.AddRange((await services.ListServicesAsync(page, 10, ["name,asc"])).Content!.Select(s => s.Id!));
        }

        Assert.That(first.TotalElements, Is.EqualTo(27), "echo, bell-sampler and 25 seeded services");
        Assert.That(first.TotalPages, Is.EqualTo(3));
        Assert.That(ids, Is.Unique.And.Count.EqualTo(27));
        Assert.That(first.Content!.Select(s => s.Name), Is.Ordered);
    }

    [Test]
    public async Task DemoServices_CarryTheirGatewayEndpoint()
    {
        using var http = Hub.CreatePlatformHttpClient();
        var services = new ServicesClient(http);

        var echo = (await services.ListServicesAsync(search: "echo")).Content!.Single();
        var version = (await services.GetServiceVersionsAsync(echo.Id!)).Single();

        Assert.That(echo.Lifecycle, Is.EqualTo(ServiceLifecycle.Published));
        Assert.That(new Uri(version.GatewayEndpoint!), Is.EqualTo(Hub.GetServiceBaseUrl("echo")));
        Assert.That((await services.GetServiceAsync(echo.Id!)).DisplayName, Is.EqualTo("Echo"));
        Assert.That((await services.GetServiceVersionAsync(echo.Id!, version.Id!)).Version, Is.EqualTo("1.0.0"));
        Api.PlatformFailsWith(404, () => services.GetServiceAsync("no-such-service"));
        Api.PlatformFailsWith(400, () => services.ListServicesAsync(sort: ["colour,asc"]));
    }

    [Test]
    public async Task Filters_Narrow_TheCatalog()
    {
        using var http = Hub.CreatePlatformHttpClient();
        var services = new ServicesClient(http);

        var external = await services.ListServicesAsync(size: 100, type: ServiceType.External);

        Assert.That(external.Content!.Select(s => s.Type), Is.All.EqualTo(ServiceType.External));
        Assert.That(external.TotalElements, Is.EqualTo(9), "every third seeded service, from the first");
    }

    [Test]
    public async Task AlgorithmsAndUseCases_AreSeeded_PagedAndSearchable()
    {
        using var http = Hub.CreatePlatformHttpClient();
        var algorithms = new AlgorithmsClient(http);
        var useCases = new UseCasesClient(http);

        var page = await algorithms.ListAlgorithmsAsync(page: 1, size: 5, sort: ["name,asc"]);
        var qaoa = (await algorithms.ListAlgorithmsAsync(search: "qaoa")).Content!.Single();
        var portfolio = (await useCases.ListUseCasesAsync(title: "portfolio")).Content!.Single();

        Assert.That(page.TotalElements, Is.EqualTo(12));
        Assert.That(page.Content, Has.Count.EqualTo(5));
        Assert.That((await algorithms.GetAlgorithmAsync(qaoa.Id!)).Acronym, Is.EqualTo("QAOA"));
        Assert.That((await useCases.GetUseCaseAsync(portfolio.Id!)).Title, Is.EqualTo("Portfolio optimization"));
        Api.PlatformFailsWith(404, () => useCases.GetUseCaseAsync("nope"));
    }

    [Test]
    public async Task GetMe_IsTheTokensUser_AndOrganizationsAreTheMemberships()
    {
        var (hub, _) = await StartAsync(o =>
        {
            o.Users.Add(new EmulatorUser("ada", "ada-token") { OrganizationIds = ["org-acme"] });
            o.OrganizationIds.Add("org-kipu-demo");
            o.OrganizationIds.Add("org-acme");
        });
        await using var _ = hub;
        using var http = hub.CreatePlatformHttpClient();

        var me = await new UsersClient(http).GetMeAsync();
        var organizations = await new OrganizationsClient(http).GetOrganizationsAsync();
        var accounts = await new UsersClient(http).GetMyAccountsAsync();

        Assert.That(me.Id, Is.EqualTo("ada"));
        Assert.That(organizations.Select(o => o.Id), Is.EqualTo(new[] { "org-acme" }));
        Assert.That(accounts.Select(a => (a.Id, a.IsOrganization)), Is.EqualTo(new[] { ("ada", (bool?)false), ("org-acme", (bool?)true) }));
        Assert.That((await new OrganizationsClient(http).GetOrganizationAsync("org-acme")).Role, Is.EqualTo(OrganizationRole.Member));
        Api.PlatformFailsWith(404, () => new OrganizationsClient(http).GetOrganizationAsync("org-kipu-demo"));
    }
}
