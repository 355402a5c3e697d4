using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace KipuHub.Extensions.DependencyInjection.Tests.DependencyInjection;

/// <summary>
/// Issue 13 #9: each start-up problem is reported once. The Quantum and Platform resilience pipelines (and each
/// gateway's) read the registration's options while their own options are validated, which used to repeat every
/// message of <c>KipuHubOptions</c> three times (twice for a gateway).
/// </summary>
[TestFixture]
public class StartUpMessagesOnceTests
{
    [TestCase("KipuHub:BaseUrl", "not a url", "KipuHub:BaseUrl must be an absolute http(s) URL")]
    [TestCase("KipuHub:Timeout", "00:00:00", "KipuHub:Timeout must be between")]
    [TestCase("KipuHub:MaxRetries", "-1", "KipuHub:MaxRetries must be 0 or more")]
    [TestCase("KipuHub:OrganizationId", "a\nb", "KipuHub:OrganizationId contains a character")]
    [TestCase("KipuHub:Headers:Authorization", "x", "KipuHub:Headers:Authorization must not be set")]
    [TestCase("KipuHub:PlatformBaseUrl", "ftp://x/", "KipuHub:PlatformBaseUrl must be an absolute http(s) URL")]
    [TestCase("KipuHub:ServiceGateways:vqe:Timeout", "00:00:10", "KipuHub:ServiceGateways:vqe:BaseUrl is required")]
    [TestCase("KipuHub:ServiceGateways:vqe:BaseUrl", "nope", "KipuHub:ServiceGateways:vqe:BaseUrl must be an absolute http(s) URL")]
    public void EachProblem_IsReportedOnce(string key, string value, string expected)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["KipuHub:ApiKey"] = "token-123456", [key] = value });
        builder.Services.AddKipuHub(builder.Configuration.GetSection("KipuHub"));
        using var host = builder.Build();

        var ex = Assert.CatchAsync(() => host.StartAsync());

        Assert.That(Regex.Count(ex!.Message, Regex.Escape(expected)), Is.EqualTo(1), ex.Message);
    }

    [Test]
    public void InvalidOptions_StillFailTheClient_WithoutAHost()
    {
        var services = new ServiceCollection();
        services.AddKipuHub(o =>
        {
            o.ApiKey = "token-123456";
            o.MaxRetries = -1;
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Catch(() => provider.GetRequiredService<HubQuantumClient>());

        Assert.That(ex!.ToString(), Does.Contain("MaxRetries must be 0 or more"));
    }
}
