using System.Net;
using KipuHub.Emulator.Tests.Support;
using KipuHub.Generated.Quantum;
using KipuHub.Generated.Service;
using Newtonsoft.Json.Linq;

namespace KipuHub.Emulator.Tests.Hosting;

[TestFixture]
public class AuthTests : EmulatorTestBase
{
    private const string RestrictedToken = "restricted-user-token-do-not-echo";

    protected override void Configure(KipuHubEmulatorOptions options)
    {
        options.Users.Add(new EmulatorUser("alice", "alice-secret-token-do-not-echo"));
        options.Users.Add(new EmulatorUser("bob", RestrictedToken) { OrganizationIds = ["org-acme"] });
        options.OrganizationIds.Add("org-kipu-demo");
        options.OrganizationIds.Add("org-acme");
    }

    [Test]
    public void The_quantum_api_answers_401_without_a_token_or_with_a_wrong_one_and_never_echoes_it()
    {
        using var anonymous = new HttpClient { BaseAddress = Hub.QuantumBaseUrl };
        using var wrong = ClientFor(token: "wrong-token-do-not-echo");

        var missing = Api.FailsWith(401, () => new BackendsClient(anonymous).GetBackendsAsync());
        var invalid = Api.FailsWith(401, () => new JobsClient(wrong).CreateJobAsync(Circuits.IonqBell()));

        Assert.That(missing.Value<string>("message"), Does.Contain("X-Auth-Token"));
        Assert.That(invalid.ToString(), Does.Not.Contain("wrong-token-do-not-echo"));
        Assert.That(Hub.Requests.Snapshot().SelectMany(r => r.Headers.Values), Has.None.Contains("do-not-echo"), "the request log redacts tokens");
        Assert.That(Hub.Requests.Snapshot().Last().Headers["X-Auth-Token"], Is.EqualTo("[redacted]"));
    }

    [Test]
    public void The_gateway_answers_401_without_a_bearer_token_or_with_a_wrong_one()
    {
        using var anonymous = new HttpClient { BaseAddress = Hub.GetServiceBaseUrl("echo") };
        using var wrong = new HttpClient { BaseAddress = Hub.GetServiceBaseUrl("echo") };
        wrong.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-gateway-token");
        using var quantumToken = new HttpClient { BaseAddress = Hub.GetServiceBaseUrl("echo") };
        quantumToken.DefaultRequestHeaders.Add("X-Auth-Token", Hub.AccessToken);

        Api.ServiceFailsWith(401, () => new ServiceApiClient(anonymous).GetServiceExecutionsAsync());
        var invalid = Api.ServiceFailsWith(401, () => new ServiceApiClient(wrong).StartExecutionAsync(new StartExecutionRequest()));
        Api.ServiceFailsWith(401, () => new ServiceApiClient(quantumToken).GetServiceExecutionsAsync());

        Assert.That(invalid.ToString(), Does.Not.Contain("not-a-gateway-token"));
    }

    [Test]
    public async Task The_401_carries_www_authenticate_on_the_gateway()
    {
        using var anonymous = new HttpClient();
        using var response = await anonymous.GetAsync(Hub.GetServiceBaseUrl("echo"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer"));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
    }

    [Test]
    public void Acting_in_an_organization_needs_membership_403_otherwise()
    {
        using var bobInDemo = ClientFor("org-kipu-demo", RestrictedToken);
        using var bobInAcme = ClientFor("org-acme", RestrictedToken);
        using var unknownOrg = ClientFor("org-nobody");

        var forbidden = Api.FailsWith(403, () => new JobsClient(bobInDemo).SearchJobsAsync());
        Api.FailsWith(403, () => new JobsClient(unknownOrg).SearchJobsAsync());
        Assert.DoesNotThrowAsync(() => new JobsClient(bobInAcme).SearchJobsAsync());

        Assert.That(forbidden.Value<string>("message"), Does.Contain("org-kipu-demo"));
        Assert.That(forbidden.ToString(), Does.Not.Contain(RestrictedToken));
    }

    [Test]
    public async Task Unknown_platform_paths_and_unknown_paths_are_json_404s()
    {
        using var http = Hub.CreateQuantumHttpClient();
        using var platform = await http.GetAsync(new Uri(Hub.PlatformBaseUrl, "no-such-collection"));
        using var nowhere = await http.GetAsync(new Uri(Hub.BaseUrl, "nowhere"));

        Assert.That(platform.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(JObject.Parse(await platform.Content.ReadAsStringAsync()).Value<string>("message"), Does.Contain("Platform API"));
        Assert.That(nowhere.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
