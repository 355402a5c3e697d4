using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using KipuHub.Emulator.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KipuHub.Emulator.Tests.Platform;

/// <summary>Every operation of specs/platform.json is routed: implemented, or a JSON 501 naming it; none is a 404 or 405.</summary>
[TestFixture]
public partial class PlatformCoverageTests : EmulatorTestBase
{
    private static readonly string SpecPath = Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "..", "specs", "platform.json");

    public static IEnumerable<TestCaseData> SpecOperations()
    {
        var spec = JObject.Parse(File.ReadAllText(SpecPath));
        foreach (var (path, item) in (JObject)spec["paths"]!)
        {
            foreach (var method in new[] { "get", "put", "post", "delete", "patch" })
            {
                if (item![method]?["operationId"]?.Value<string>() is { } operationId)
                {
                    yield return new TestCaseData(method.ToUpperInvariant(), path, operationId).SetName($"{operationId} ({method.ToUpperInvariant()} {path})");
                }
            }
        }
    }

    [TestCaseSource(nameof(SpecOperations))]
    public async Task EveryOperation_IsRouted_AndUnimplementedOnesAnswer501NamingIt(string method, string path, string operationId)
    {
        using var http = Hub.CreatePlatformHttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), Placeholder().Replace(path, "x").TrimStart('/'));
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(body, Does.Not.Contain("on this Hub"), $"{operationId} must be routed, not fall through to the 404 fallback");
        Assert.That(response.StatusCode, Is.Not.EqualTo(HttpStatusCode.MethodNotAllowed), body);
        if (Hub.ImplementedPlatformOperations.Contains(operationId))
        {
            Assert.That((int)response.StatusCode, Is.Not.EqualTo(501), body);
            return;
        }

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotImplemented));
        var error = Api.ErrorBody(501, body);
        Assert.That(error.Value<string>("error"), Is.EqualTo("Not Implemented"));
        Assert.That(error.Value<string>("message"), Does.StartWith($"The emulator does not implement {operationId} yet"));
    }

    [Test]
    public void ImplementedAndUnimplemented_AddUpToTheSpec()
    {
        var all = SpecOperations().Count();
        var implemented = Hub.ImplementedPlatformOperations.Count;

        Assert.That(all, Is.EqualTo(136));
        Assert.That(implemented, Is.EqualTo(48));
        TestContext.Out.WriteLine($"Platform operations: {implemented} implemented, {all - implemented} answer 501.");
    }

    [Test]
    public async Task PlatformRequests_NeedTheToken_AndAMemberOrganization()
    {
        using var anonymous = new HttpClient { BaseAddress = Hub.PlatformBaseUrl };
        using var stranger = Hub.CreatePlatformHttpClient("org-nowhere");

        using var unauthorized = await anonymous.GetAsync("users/me");
        using var forbidden = await stranger.GetAsync("users/me");
        using var notImplemented = await anonymous.GetAsync("git-integrations");

        Assert.That(unauthorized.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(forbidden.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(notImplemented.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "auth comes before the 501");
        Api.ErrorBody(401, await unauthorized.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task UnknownPlatformPaths_AreJson404()
    {
        using var http = Hub.CreatePlatformHttpClient();

        using var response = await http.GetAsync("no-such-thing");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Api.ErrorBody(404, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Placeholder();
}
