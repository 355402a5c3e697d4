using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KipuHub.Extensions.DependencyInjection.Tests.DependencyInjection;

/// <summary>A bad configuration fails the host's start, with a message naming the configuration key.</summary>
[TestFixture]
public class ValidationTests
{
    [Test]
    public void InvalidBaseUrl_FailsAtStartUp_NamingTheKey()
    {
        var message = StartFailure(new() { ["KipuHub:BaseUrl"] = "not a url", ["KipuHub:ApiKey"] = "token-123456" });

        Assert.That(message, Does.Contain("KipuHub:BaseUrl must be an absolute http(s) URL"));
    }

    [Test]
    public void MissingToken_FailsAtStartUp_NamingTheKey_WhenTheCredentialChainFindsNothing()
    {
        var message = StartFailure(new() { ["KipuHub:BaseUrl"] = "https://hub.example/quantum" });

        Assert.That(message, Does.Contain("No Kipu Quantum Hub token was found").And.Contain("KipuHub:ApiKey").And.Contain("KQH_PERSONAL_ACCESS_TOKEN"));
    }

    [Test]
    public void CredentialOnTheBuilder_MakesTheApiKeyUnnecessary()
    {
        using var host = Build(new() { ["KipuHub:BaseUrl"] = "https://hub.example/quantum" }, b => b.WithCredential(new KipuHub.Credentials.StaticCredential("token-123456")));

        Assert.DoesNotThrowAsync(() => host.StartAsync());
    }

    [Test]
    public void TokenAndOrganizationThatCannotBeSentAsHeaders_FailAtStartUp_NamingTheKeys_NeverTheValues()
    {
        // Issue 12 #3: a line break would end the header and start another one on the wire.
        var message = StartFailure(new()
        {
            ["KipuHub:ApiKey"] = "token-123456\r\nX-Injected: yes",
            ["KipuHub:OrganizationId"] = "org-1\nX-Injected: yes",
        });

        Assert.That(message, Does.Contain("KipuHub:ApiKey contains a character that is not allowed in an HTTP header value"));
        Assert.That(message, Does.Contain("KipuHub:OrganizationId contains a character that is not allowed in an HTTP header value"));
        Assert.That(message, Does.Not.Contain("token-123456").And.Not.Contain("X-Injected"));
    }

    [Test]
    public void OutOfRangeValues_AreAllReported_WithTheirKeys()
    {
        var message = StartFailure(new()
        {
            ["KipuHub:ApiKey"] = "token-123456",
            ["KipuHub:Timeout"] = "00:00:00",
            ["KipuHub:MaxRetries"] = "-1",
            ["KipuHub:PlatformBaseUrl"] = "ftp://hub.example/",
            ["KipuHub:Headers:X-Auth-Token"] = "sneaky",
            ["KipuHub:Waiting:MaxInterval"] = "00:00:00.5",
        });

        Assert.That(message, Does.Contain("KipuHub:Timeout must be between"));
        Assert.That(message, Does.Contain("KipuHub:MaxRetries must be 0 or more"));
        Assert.That(message, Does.Contain("KipuHub:PlatformBaseUrl must be an absolute http(s) URL"));
        Assert.That(message, Does.Contain("KipuHub:Headers:X-Auth-Token must not be set"));
        Assert.That(message, Does.Contain("KipuHub:Waiting:MaxInterval"));
        Assert.That(message, Does.Not.Contain("sneaky"));
    }

    [Test]
    public void OptionsSetInCode_AreNamedByProperty()
    {
        var services = new ServiceCollection();
        services.AddKipuHub(o =>
        {
            o.BaseUrl = new Uri("relative/path", UriKind.Relative);
            o.ApiKey = "token-123456";
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<KipuHubOptions>>().Get(Options.DefaultName));

        Assert.That(ex!.Message, Does.Contain("KipuHubOptions.BaseUrl must be an absolute http(s) URL"));
    }

    [Test]
    public void ServiceGatewayWithoutBaseUrlOrToken_FailsAtStartUp_NamingItsKeys()
    {
        var message = StartFailure(new()
        {
            ["KipuHub:ApiKey"] = "token-123456",
            ["KipuHub:ServiceGateways:vqe:Timeout"] = "00:00:10",
        });

        Assert.That(message, Does.Contain("KipuHub:ServiceGateways:vqe:BaseUrl is required"));
        Assert.That(message, Does.Contain("KipuHub:ServiceGateways:vqe:AccessKeyId"));
    }

    [Test]
    public void KeyedRegistration_BoundFromItsOwnSection_NamesThatSection()
    {
        var configuration = AddKipuHubTests.Config(new() { ["Accounts:org-a:BaseUrl"] = "nope", ["Accounts:org-a:ApiKey"] = "token-123456" });
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddKipuHub("org-a", configuration.GetSection("Accounts:org-a"));
        using var host = builder.Build();

        var ex = Assert.CatchAsync(() => host.StartAsync());

        Assert.That(ex!.Message, Does.Contain("Accounts:org-a:BaseUrl must be an absolute http(s) URL"));
    }

    private static string StartFailure(Dictionary<string, string?> settings)
    {
        using var host = Build(settings);
        var ex = Assert.CatchAsync(() => host.StartAsync());
        return ex!.Message;
    }

    private static IHost Build(Dictionary<string, string?> settings, Action<KipuHubBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        var kipu = builder.Services.AddKipuHub(builder.Configuration.GetSection("KipuHub"));
        builder.Services.PostConfigure<KipuHubOptions>(o => o.CredentialEnvironment = NoCredentials.Environment);
        configure?.Invoke(kipu);
        return builder.Build();
    }
}
