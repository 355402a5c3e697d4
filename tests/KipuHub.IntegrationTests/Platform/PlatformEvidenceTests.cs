using KipuHub.Generated.Platform;
using KipuHub.IntegrationTests.Support;

namespace KipuHub.IntegrationTests.Platform;

/// <summary>hub-facts-2026.md Platform API 1, 2 and 4 through the facade: OrganizationId, get_services, a data pool's description.</summary>
[TestFixture]
public class PlatformEvidenceTests : PlatformFixture
{
    [Test]
    public async Task OrganizationId_is_sent_on_every_request_of_every_namespace_and_scopes_them()
    {
        var org = Platform(OwnerOrg);
        var personal = Platform();
        Hub.Requests.Clear();

        await org.Users.GetMeAsync();
        await org.Services.GetServicesAsync(0, 5);
        await org.Organizations.GetOrganizationsAsync();
        var pool = await org.DataPools.CreateDataPoolAsync(new CreateDataPoolRequest { Name = "org-scoped-pool" });
        await org.DataPools.GetDataPoolAsync(pool.Id!);
        await org.DataPools.GetDataPoolsAsync();
        await org.Applications.GetApplicationsAsync();

        var requests = Hub.Requests.Snapshot();
        Assert.That(requests, Has.Count.EqualTo(7));
        Assert.That(requests.Select(r => r.Headers.GetValueOrDefault("X-OrganizationId")), Is.All.EqualTo(OwnerOrg), string.Join(", ", requests.Select(r => r.Path)));
        Assert.ThrowsAsync<NotFoundException>(() => personal.DataPools.GetDataPoolAsync(pool.Id!), "the pool belongs to the organization, not the personal context");
    }

    [Test]
    public void An_organization_the_user_is_not_in_is_refused_on_the_first_request()
    {
        var stranger = Platform("org-nobody-knows");

        var ex = Assert.ThrowsAsync<ForbiddenException>(() => stranger.Users.GetMeAsync());

        Assert.That(ex!.StatusCode, Is.EqualTo(403));
        Assert.That(ex.Message, Does.Contain("X-OrganizationId"));
    }

    [Test]
    public async Task GetServicesAsync_is_listServices_under_the_newer_quickstarts_name()
    {
        var platform = Platform();
        Hub.Requests.Clear();

        var page = await platform.Services.GetServicesAsync(page: 1, size: 3);
        var listed = await platform.Services.ListServicesAsync(page: 1, size: 3);

        var requests = Hub.Requests.Snapshot();
        Assert.That(page.Content!.Select(s => s.DisplayName).ToList(), Is.EqualTo(listed.Content!.Select(s => s.DisplayName).ToList()).And.Count.EqualTo(3));
        Assert.That(page.Page, Is.EqualTo(1));
        Assert.That(requests.Select(r => r.Path + r.Query).Distinct().Single(), Is.EqualTo("/qc-catalog/services?page=1&size=3"), "the same request");
    }

    [Test]
    public async Task A_data_pool_keeps_the_description_given_on_create()
    {
        var platform = Platform(PartnerOrg);

        var created = await platform.DataPools.CreateDataPoolAsync(new CreateDataPoolRequest { Name = "described-pool", Description = "Molecules for the VQE runs, one CSV per basis set." });
        var read = await platform.DataPools.GetDataPoolAsync(created.Id!);
        var listed = (await platform.DataPools.GetDataPoolsAsync()).Single(p => p.Id == created.Id);

        Assert.That(created.Description, Is.EqualTo("Molecules for the VQE runs, one CSV per basis set."));
        Assert.That(read.Description, Is.EqualTo(created.Description));
        Assert.That(listed.Description, Is.EqualTo(created.Description));
    }
}
