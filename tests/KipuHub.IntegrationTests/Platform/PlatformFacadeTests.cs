using KipuHub.Generated.Platform;
using KipuHub.IntegrationTests.Support;
using KipuHub.Paging;

namespace KipuHub.IntegrationTests.Platform;

/// <summary>HubPlatformClient against the emulator: paging, get_me, organization-scoped sharing, unimplemented operations.</summary>
[TestFixture]
public class PlatformFacadeTests : PlatformFixture
{
    [Test]
    public async Task Services_ArePagedTenAtATime_AndEachIsSeenOnce()
    {
        var platform = Platform();
        Hub.Requests.Clear();

        var pages = new List<Page<ServiceDto>>();
        await foreach (var page in platform.Services.ListServicesPageable(pageSize: 10, sort: ["name,asc"]).AsPages())
        {
            pages.Add(page);
        }

        var ids = pages.SelectMany(p => p.Values).Select(s => s.Id).ToList();
        Assert.That(pages.Select(p => p.Values.Count), Is.EqualTo(new[] { 10, 10, 7 }));
        Assert.That(ids, Is.Unique.And.Count.EqualTo(27).And.Count.EqualTo(pages[0].TotalElements));
        Assert.That(pages.SelectMany(p => p.Values).Select(s => s.Name), Does.Contain("echo").And.Contain("bell-sampler"));
        Assert.That(Hub.Requests.CountOf("GET", "/qc-catalog/services"), Is.EqualTo(3), "one request per page, none after the last");
    }

    [Test]
    public async Task Services_AsAnAsyncEnumerable_StopWhereTheCallerStops()
    {
        var platform = Platform();
        Hub.Requests.Clear();

        var first = new List<string>();
        await foreach (var service in platform.Services.ListServicesPageable(pageSize: 10))
        {
            first.Add(service.Id!);
            if (first.Count == 12)
            {
                break;
            }
        }

        Assert.That(first, Is.Unique);
        Assert.That(Hub.Requests.CountOf("GET", "/qc-catalog/services"), Is.EqualTo(2));
    }

    [Test]
    public async Task GetMe_IsTheTokensUser()
    {
        var me = await Platform().Users.GetMeAsync();
        var meInAnOrganization = await Platform(PartnerOrg).Users.GetMeAsync();

        Assert.That(me.Id, Is.EqualTo(Hub.Users[0].UserId));
        Assert.That(meInAnOrganization.Id, Is.EqualTo(me.Id));
    }

    [Test]
    public async Task ASharedDataPool_IsVisibleFromThatOrganizationsClientOnly()
    {
        var owner = Platform(OwnerOrg);
        var partner = Platform(PartnerOrg);
        var third = Platform(ThirdOrg);
        var personal = Platform();
        var pool = await owner.DataPools.CreateDataPoolAsync(new CreateDataPoolRequest { Name = "shared-with-partner" });
        Hub.Requests.Clear();

        var share = await owner.DataPoolShares.CreateDataPoolShareAsync(pool.Id!, new CreateShareRequest { PrincipalId = PartnerOrg, PrincipalType = PrincipalType.Organization });

        Assert.That(share.PrincipalId, Is.EqualTo(PartnerOrg));
        Assert.That(Hub.Requests.Snapshot().Single().Headers["X-OrganizationId"], Is.EqualTo(OwnerOrg), "the facade scopes the call to the owner");
        Assert.That((await partner.DataPools.GetDataPoolAsync(pool.Id!)).CurrentUserPermission, Is.EqualTo(AccessPermission.Viewer));
        Assert.That((await partner.DataPools.GetDataPoolsAsync()).Select(p => p.Id), Does.Contain(pool.Id));
        foreach (var outsider in new[] { third, personal })
        {
            var ex = Assert.ThrowsAsync<NotFoundException>(() => outsider.DataPools.GetDataPoolAsync(pool.Id!));
            Assert.That(ex!.Message, Does.Contain("DataPools.GetDataPoolAsync"));
            Assert.That((await outsider.DataPools.GetDataPoolsAsync()).Select(p => p.Id), Does.Not.Contain(pool.Id));
        }

        Assert.ThrowsAsync<ForbiddenException>(() => partner.DataPools.DeleteDataPoolAsync(pool.Id!));
    }

    [Test]
    public async Task AGrant_ReturnsItsToken()
    {
        var owner = Platform(OwnerOrg);
        var pool = await owner.DataPools.CreateDataPoolAsync(new CreateDataPoolRequest { Name = "granted" });

        var grant = await owner.DataPoolGrants.CreateDataPoolGrantAsync(pool.Id!, new CreateDataPoolGrantRequest { ServiceId = "6f1c2a7e-0b1d-4c55-9d1e-ec4000000001" });

        Assert.That(grant.Token, Is.Not.Empty);
        Assert.That((await owner.DataPoolGrants.GetDataPoolGrantsAsync(pool.Id!)).Single().Token, Is.Null);
    }

    [Test]
    public void AnUnimplementedOperation_IsAHubApiExceptionWith501_NamingTheOperation()
    {
        var ex = Assert.CatchAsync<HubApiException>(() => Platform().GitIntegrations.GetGitIntegrationsAsync());

        Assert.That(ex, Is.TypeOf<HubApiException>());
        Assert.That(ex!.StatusCode, Is.EqualTo(501));
        Assert.That(ex.Message, Does.Contain("getGitIntegrations").And.Contain("GitIntegrations.GetGitIntegrationsAsync"));
        Assert.That(ex.Message, Does.Not.Contain(Hub.AccessToken));
    }

    [Test]
    public async Task ApplicationsSubscribe_ToTheDemoServices()
    {
        var platform = Platform(OwnerOrg);
        var echo = await platform.Services.ListServicesPageable(search: "echo").SingleAsync();

        var app = await platform.Applications.CreateApplicationAsync(new CreateApplicationRequest { Name = "it-app" });
        var subscription = await platform.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { ApplicationId = app.Id!, ServiceId = echo.Id! });

        Assert.That(new Uri(subscription.Api!.GatewayEndpoint!), Is.EqualTo(Hub.GetServiceBaseUrl("echo")));
        Assert.ThrowsAsync<ConflictException>(() => platform.Subscriptions.CreateSubscriptionAsync(new CreateSubscriptionRequest { ApplicationId = app.Id!, ServiceId = echo.Id! }));
    }
}
