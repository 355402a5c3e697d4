using System.Net;
using KipuHub.Generated.Platform;

namespace KipuHub.Generated.Tests.Platform;

[TestFixture]
public class OrganizationsClientTests : PlatformTestBase
{
    private OrganizationsClient Client => new(Hub.Http);

    [Test]
    public async Task GetOrganizations_lists_organizations_with_the_callers_role()
    {
        Expect(HttpMethod.Get, "organizations").Respond(_ => Json($"[{PlatformJson.Organization}]"));
        var organization = (await Client.GetOrganizationsAsync()).Single();
        Assert.Multiple(() =>
        {
            Assert.That(organization.Id, Is.EqualTo("org-2"));
            Assert.That(organization.Name, Is.EqualTo("acme"));
            Assert.That(organization.DisplayName, Is.EqualTo("Acme Corp"));
            Assert.That(organization.Description, Is.EqualTo("Quantum team"));
            Assert.That(organization.Role, Is.EqualTo(OrganizationRole.Owner));
            Assert.That(organization.CreatedAt, Is.EqualTo(PlatformJson.At0800));
        });
    }

    [Test]
    public async Task GetOrganizations_sends_no_organization_header_of_its_own()
    {
        Expect(HttpMethod.Get, "organizations").Respond(_ => Json("[]"));
        await Client.GetOrganizationsAsync();
        Assert.That(Sent.Request.Headers.Contains("X-OrganizationId"), Is.False, "X-OrganizationId is added by the facade's handler, not by the generated client");
    }

    [Test]
    public async Task CreateOrganization_posts_the_organization()
    {
        Expect(HttpMethod.Post, "organizations").Respond(_ => Json(PlatformJson.Organization, HttpStatusCode.Created));
        await Client.CreateOrganizationAsync(new CreateOrganizationRequest { Name = "acme", DisplayName = "Acme Corp" });
        AssertJsonBody("""{"name":"acme","displayName":"Acme Corp"}""");
    }

    [Test]
    public async Task GetOrganization_gets_one()
    {
        Expect(HttpMethod.Get, "organizations/org-2").Respond(_ => Json(PlatformJson.Organization));
        Assert.That((await Client.GetOrganizationAsync("org-2")).Name, Is.EqualTo("acme"));
    }

    [Test]
    public async Task UpdateOrganization_puts_the_changes()
    {
        Expect(HttpMethod.Put, "organizations/org-2").Respond(_ => Json(PlatformJson.Organization));
        await Client.UpdateOrganizationAsync("org-2", new UpdateOrganizationRequest { Description = "Quantum team" });
        AssertJsonBody("""{"description":"Quantum team"}""");
    }

    [Test]
    public async Task DeleteOrganization_sends_DELETE()
    {
        Expect(HttpMethod.Delete, "organizations/org-2").Respond(_ => NoContent());
        await Client.DeleteOrganizationAsync("org-2");
        Assert.That(Sent.Request.Method, Is.EqualTo(HttpMethod.Delete));
    }

    [Test]
    public async Task GetOrganizationMembers_maps_members()
    {
        Expect(HttpMethod.Get, "organizations/org-2/members").Respond(_ => Json($"[{PlatformJson.Member}]"));
        var member = (await Client.GetOrganizationMembersAsync("org-2")).Single();
        Assert.Multiple(() =>
        {
            Assert.That(member.UserId, Is.EqualTo("u2"));
            Assert.That(member.Username, Is.EqualTo("ada"));
            Assert.That(member.DisplayName, Is.EqualTo("Ada L."));
            Assert.That(member.Email, Is.EqualTo("ada@acme.test"));
            Assert.That(member.Role, Is.EqualTo(OrganizationRole.Maintainer));
            Assert.That(member.JoinedAt, Is.EqualTo(PlatformJson.At0800));
        });
    }

    [Test]
    public async Task AddOrganizationMember_posts_user_and_role()
    {
        Expect(HttpMethod.Post, "organizations/org-2/members").Respond(_ => Json(PlatformJson.Member, HttpStatusCode.Created));
        await Client.AddOrganizationMemberAsync("org-2", new AddOrganizationMemberRequest { Email = "ada@acme.test", Role = OrganizationRole.Member });
        AssertJsonBody("""{"email":"ada@acme.test","role":"MEMBER"}""");
    }

    [Test]
    public void AddOrganizationMember_who_is_already_a_member_is_a_409()
    {
        Expect(HttpMethod.Post, "organizations/org-2/members").Respond(_ => ErrorResponse(HttpStatusCode.Conflict, """{"errorMessage":"already a member"}"""));
        var ex = Assert.ThrowsAsync<PlatformApiException>(() => Client.AddOrganizationMemberAsync("org-2", new AddOrganizationMemberRequest { UserId = "u2" }));
        Assert.That(ex!.StatusCode, Is.EqualTo(409));
    }

    [Test]
    public async Task UpdateOrganizationMember_puts_the_role()
    {
        Expect(HttpMethod.Put, "organizations/org-2/members/u2").Respond(_ => Json(PlatformJson.Member));
        await Client.UpdateOrganizationMemberAsync("org-2", "u2", new UpdateOrganizationMemberRequest { Role = OrganizationRole.Maintainer });
        AssertJsonBody("""{"role":"MAINTAINER"}""");
    }

    [Test]
    public async Task RemoveOrganizationMember_sends_DELETE()
    {
        Expect(HttpMethod.Delete, "organizations/org-2/members/u2").Respond(_ => NoContent());
        await Client.RemoveOrganizationMemberAsync("org-2", "u2");
        Assert.That(Sent.Request.Method, Is.EqualTo(HttpMethod.Delete));
    }
}

[TestFixture]
public class UsersClientTests : PlatformTestBase
{
    private UsersClient Client => new(Hub.Http);

    [Test]
    public async Task GetMe_gets_the_callers_profile()
    {
        Expect(HttpMethod.Get, "users/me").Respond(_ => Json(PlatformJson.User));
        var me = await Client.GetMeAsync();
        AssertAccepts("application/json");
        Assert.Multiple(() =>
        {
            Assert.That(me.Id, Is.EqualTo("u1"));
            Assert.That(me.Username, Is.EqualTo("grace"));
            Assert.That(me.Email, Is.EqualTo("grace@acme.test"));
            Assert.That(me.FirstName, Is.EqualTo("Grace"));
            Assert.That(me.LastName, Is.EqualTo("Hopper"));
            Assert.That(me.DisplayName, Is.EqualTo("Grace Hopper"));
            Assert.That(me.AcademicTitle, Is.EqualTo("Dr."));
            Assert.That(me.CreatedAt, Is.EqualTo(PlatformJson.At0800));
        });
    }

    [Test]
    public async Task UpdateMe_puts_the_changes()
    {
        Expect(HttpMethod.Put, "users/me").Respond(_ => Json(PlatformJson.User));
        await Client.UpdateMeAsync(new UpdateUserRequest { DisplayName = "Grace Hopper", AcademicTitle = "Dr." });
        AssertJsonBody("""{"displayName":"Grace Hopper","academicTitle":"Dr."}""");
    }

    [Test]
    public async Task ListUsers_pages_with_search()
    {
        Expect(HttpMethod.Get, "users", "page=0&size=20&search=grace").Respond(_ => Json(PlatformJson.Page(PlatformJson.User)));
        var page = await Client.ListUsersAsync(0, 20, search: "grace");
        Assert.That(page.Content!.Single().Username, Is.EqualTo("grace"));
    }

    [Test]
    public async Task GetUser_gets_a_profile()
    {
        Expect(HttpMethod.Get, "users/u1").Respond(_ => Json(PlatformJson.User));
        Assert.That((await Client.GetUserAsync("u1")).Id, Is.EqualTo("u1"));
    }

    [Test]
    public async Task GetMyAccounts_maps_personal_and_organization_accounts()
    {
        Expect(HttpMethod.Get, "my/accounts").Respond(_ => Json("""
            [{"id":"u1","displayName":"Grace Hopper","role":"OWNER","isOrganization":false,"accountType":{"name":"PERSONAL","feature":"FREE"}},
             {"id":"org-2","displayName":"Acme Corp","role":"MAINTAINER","isOrganization":true,"accountType":{"name":"ORGANIZATION","feature":"ENTERPRISE"}}]
            """));
        var accounts = (await Client.GetMyAccountsAsync()).ToList();
        Assert.That(accounts.Select(a => a.IsOrganization), Is.EqualTo(new bool?[] { false, true }));
        Assert.That(accounts[1].Id, Is.EqualTo("org-2"));
        Assert.That(accounts[1].DisplayName, Is.EqualTo("Acme Corp"));
        Assert.That(accounts[1].Role, Is.EqualTo("MAINTAINER"));
        Assert.That(accounts[1].AccountType!.Name, Is.EqualTo("ORGANIZATION"));
        Assert.That(accounts[1].AccountType!.Feature, Is.EqualTo("ENTERPRISE"));
    }
}

[TestFixture]
public class UserNotificationsClientTests : PlatformTestBase
{
    private UserNotificationsClient Client => new(Hub.Http);

    [Test]
    public async Task ListUserNotifications_pages_unread_only()
    {
        Expect(HttpMethod.Get, "user-notifications", "page=0&size=10&sort=createdAt%2Cdesc&unreadOnly=true").Respond(_ => Json(PlatformJson.Page(PlatformJson.Notification, size: 10)));
        var notification = (await Client.ListUserNotificationsAsync(0, 10, ["createdAt,desc"], true)).Content!.Single();
        Assert.Multiple(() =>
        {
            Assert.That(notification.Id, Is.EqualTo("n1"));
            Assert.That(notification.Type, Is.EqualTo("SERVICE_EXECUTION_FINISHED"));
            Assert.That(notification.Title, Is.EqualTo("Done"));
            Assert.That(notification.Message, Is.EqualTo("echo finished"));
            Assert.That(notification.Link, Is.EqualTo("/executions/se1"));
            Assert.That(notification.Read, Is.False);
            Assert.That(notification.CreatedAt, Is.EqualTo(PlatformJson.At0800));
        });
    }

    [Test]
    public async Task GetUserNotification_gets_one()
    {
        Expect(HttpMethod.Get, "user-notifications/n1").Respond(_ => Json(PlatformJson.Notification));
        Assert.That((await Client.GetUserNotificationAsync("n1")).Title, Is.EqualTo("Done"));
    }

    [Test]
    public async Task MarkUserNotificationAsRead_puts_without_a_body()
    {
        Expect(HttpMethod.Put, "user-notifications/n1/read").Respond(_ => Json(PlatformJson.Notification.Replace("\"read\":false", "\"read\":true")));
        var notification = await Client.MarkUserNotificationAsReadAsync("n1");
        AssertNoBody();
        Assert.That(notification.Read, Is.True);
    }

    [Test]
    public async Task MarkAllUserNotificationsAsRead_puts_to_the_collection()
    {
        Expect(HttpMethod.Put, "user-notifications/read").Respond(_ => NoContent());
        await Client.MarkAllUserNotificationsAsReadAsync();
        Assert.That(Sent.Request.Method, Is.EqualTo(HttpMethod.Put));
    }

    [Test]
    public async Task DeleteUserNotification_sends_DELETE()
    {
        Expect(HttpMethod.Delete, "user-notifications/n1").Respond(_ => NoContent());
        await Client.DeleteUserNotificationAsync("n1");
        Assert.That(Sent.Request.Method, Is.EqualTo(HttpMethod.Delete));
    }
}

[TestFixture]
public class GitIntegrationsClientTests : PlatformTestBase
{
    private GitIntegrationsClient Client => new(Hub.Http);

    [Test]
    public async Task GetGitIntegrations_lists_integrations()
    {
        Expect(HttpMethod.Get, "git-integrations").Respond(_ => Json($"[{PlatformJson.GitIntegration}]"));
        var integration = (await Client.GetGitIntegrationsAsync()).Single();
        Assert.Multiple(() =>
        {
            Assert.That(integration.Id, Is.EqualTo("gi1"));
            Assert.That(integration.Name, Is.EqualTo("acme-github"));
            Assert.That(integration.Provider, Is.EqualTo(GitProvider.Github));
            Assert.That(integration.Url, Is.EqualTo("https://github.com"));
            Assert.That(integration.Username, Is.EqualTo("acme-bot"));
            Assert.That(integration.CurrentUserPermission, Is.EqualTo(AccessPermission.Owner));
            Assert.That(integration.CreatedAt, Is.EqualTo(PlatformJson.At0800));
        });
    }

    [Test]
    public async Task CreateGitIntegration_posts_provider_and_token()
    {
        Expect(HttpMethod.Post, "git-integrations").Respond(_ => Json(PlatformJson.GitIntegration, HttpStatusCode.Created));
        await Client.CreateGitIntegrationAsync(new CreateGitIntegrationRequest { Name = "acme-github", Provider = GitProvider.Github, AccessToken = "ghp_x" });
        AssertJsonBody("""{"name":"acme-github","provider":"GITHUB","accessToken":"ghp_x"}""");
    }

    [Test]
    public async Task GetGitIntegration_gets_one()
    {
        Expect(HttpMethod.Get, "git-integrations/gi1").Respond(_ => Json(PlatformJson.GitIntegration));
        Assert.That((await Client.GetGitIntegrationAsync("gi1")).Provider, Is.EqualTo(GitProvider.Github));
    }

    [Test]
    public async Task UpdateGitIntegration_puts_a_rotated_token()
    {
        Expect(HttpMethod.Put, "git-integrations/gi1").Respond(_ => Json(PlatformJson.GitIntegration));
        await Client.UpdateGitIntegrationAsync("gi1", new UpdateGitIntegrationRequest { AccessToken = "ghp_y" });
        AssertJsonBody("""{"accessToken":"ghp_y"}""");
    }

    [Test]
    public async Task DeleteGitIntegration_sends_DELETE()
    {
        Expect(HttpMethod.Delete, "git-integrations/gi1").Respond(_ => NoContent());
        await Client.DeleteGitIntegrationAsync("gi1");
        Assert.That(Sent.Request.Method, Is.EqualTo(HttpMethod.Delete));
    }

    [Test]
    public async Task GetGitRepositories_maps_repositories()
    {
        Expect(HttpMethod.Get, "git-integrations/gi1/repositories").Respond(_ => Json("""
            [{"id":"r1","name":"echo","fullName":"acme/echo","url":"https://github.com/acme/echo","defaultBranch":"main","private":true}]
            """));
        var repository = (await Client.GetGitRepositoriesAsync("gi1")).Single();
        Assert.Multiple(() =>
        {
            Assert.That(repository.Id, Is.EqualTo("r1"));
            Assert.That(repository.Name, Is.EqualTo("echo"));
            Assert.That(repository.FullName, Is.EqualTo("acme/echo"));
            Assert.That(repository.Url, Is.EqualTo("https://github.com/acme/echo"));
            Assert.That(repository.DefaultBranch, Is.EqualTo("main"));
            Assert.That(repository.Private, Is.True);
        });
    }
}

[TestFixture]
public class QuantumWorkloadsClientTests : PlatformTestBase
{
    private QuantumWorkloadsClient Client => new(Hub.Http);

    [Test]
    public async Task ListQuantumWorkloads_sends_filters_and_ISO_8601_instants()
    {
        Expect(HttpMethod.Get, "quantum-workloads",
                "page=0&size=100&type=JOB&backendId=aws.sim.sv1&organizationId=org-2&createdAfter=2026-11-24T08:00:00.0000000%2B00:00&createdBefore=2026-11-25T08:00:00.0000000%2B00:00")
            .Respond(_ => Json(PlatformJson.Page(PlatformJson.QuantumWorkload, size: 100)));

        var page = await Client.ListQuantumWorkloadsAsync(0, 100, null, QuantumWorkloadType.Job, "aws.sim.sv1", "org-2", PlatformJson.At0800, PlatformJson.At0800.AddDays(1));

        var workload = page.Content!.Single();
        Assert.Multiple(() =>
        {
            Assert.That(workload.Type, Is.EqualTo(QuantumWorkloadType.Job));
            Assert.That(workload.Id, Is.EqualTo("j1"));
            Assert.That(workload.Name, Is.EqualTo("bell"));
            Assert.That(workload.BackendId, Is.EqualTo("aws.sim.sv1"));
            Assert.That(workload.Provider, Is.EqualTo("AWS"));
            Assert.That(workload.Status, Is.EqualTo("COMPLETED"));
            Assert.That(workload.SdkProvider, Is.EqualTo("CLIENT"));
            Assert.That(workload.OrganizationId, Is.EqualTo("org-2"));
            Assert.That(workload.UserId, Is.EqualTo("u1"));
            Assert.That(workload.SessionId, Is.EqualTo("s1"));
            Assert.That(workload.Shots, Is.EqualTo(1000));
            Assert.That(workload.EndedAt - workload.StartedAt, Is.EqualTo(TimeSpan.FromSeconds(2)));
            Assert.That(workload.Tags, Is.EqualTo(new[] { "t" }));
        });
    }

    [Test]
    public async Task GetQuantumWorkload_gets_one()
    {
        Expect(HttpMethod.Get, "quantum-workloads/j1").Respond(_ => Json(PlatformJson.QuantumWorkload));
        Assert.That((await Client.GetQuantumWorkloadAsync("j1")).CreatedAt, Is.EqualTo(PlatformJson.At0800));
    }
}
