using KipuHub.Tests.Support;

namespace KipuHub.Tests.Clients;

[TestFixture]
public class HubQuantumClientOptionsTests
{
    [Test]
    public void Ctor_Defaults()
    {
        var options = new HubQuantumClientOptions();

        Assert.That(options.ApiKey, Is.Null);
        Assert.That(options.Credential, Is.Null);
        Assert.That(options.OrganizationId, Is.Null);
        Assert.That(options.BaseUrl, Is.Null);
        Assert.That(options.Environment, Is.Null);
        Assert.That(options.Headers, Is.Empty);
        Assert.That(options.Timeout, Is.EqualTo(TimeSpan.FromSeconds(60)));
        Assert.That(options.MaxRetries, Is.EqualTo(2));
        Assert.That(options.HttpClient, Is.Null);
        Assert.That(options.HttpMessageHandler, Is.Null);
        Assert.That(options.LoggerFactory, Is.Null);
        Assert.That(options.TimeProvider, Is.SameAs(TimeProvider.System));
        Assert.That(options.ValidateBeforeSubmit, Is.True, "preflight is on by default (issue 15)");
        Assert.That(options.MaxCost, Is.Null);
    }

    [Test]
    public void ServiceOptions_Defaults()
    {
        var options = new HubServiceClientOptions();

        Assert.That(options.BaseUrl, Is.Null);
        Assert.That(options.Token, Is.Null);
        Assert.That(options.TokenProvider, Is.Null);
        Assert.That(options.Credential, Is.Null);
        Assert.That(options.Timeout, Is.EqualTo(TimeSpan.FromSeconds(60)));
        Assert.That(options.MaxRetries, Is.EqualTo(2));
    }

    [Test]
    public void HubEnvironment_Default_HasTheDocumentedUrls()
    {
        Assert.That(HubEnvironment.Default.QuantumBaseUrl, Is.EqualTo(new Uri("https://api.hub.kipu-quantum.com/quantum/")));
        Assert.That(HubEnvironment.Default.PlatformBaseUrl, Is.EqualTo(new Uri("https://api.hub.kipu-quantum.com/qc-catalog/")));
    }

    [Test]
    public void Client_NoBaseUrlNoEnvironment_UsesTheDefaultQuantumUrl()
    {
        using var client = new HubQuantumClient(new HubQuantumClientOptions { ApiKey = "t", HttpMessageHandler = new StubHandler() });

        Assert.That(client.BaseUrl, Is.EqualTo(new Uri("https://api.hub.kipu-quantum.com/quantum/")));
    }

    [Test]
    public void Client_ApiKeyConstructor_UsesTheDefaultQuantumUrl()
    {
        using var client = new HubQuantumClient("t");

        Assert.That(client.BaseUrl, Is.EqualTo(HubEnvironment.Default.QuantumBaseUrl));
        Assert.That(client.OrganizationId, Is.Null);
    }

    [Test]
    public void Client_Environment_IsUsed()
    {
        var staging = new HubEnvironment(new Uri("https://staging.test/quantum"), new Uri("https://staging.test/qc-catalog"));
        using var client = new HubQuantumClient(new HubQuantumClientOptions { ApiKey = "t", Environment = staging, HttpMessageHandler = new StubHandler() });

        Assert.That(client.BaseUrl, Is.EqualTo(new Uri("https://staging.test/quantum/")));
    }

    [Test]
    public void Client_BaseUrl_WinsOverEnvironment()
    {
        var staging = new HubEnvironment(new Uri("https://staging.test/quantum"), new Uri("https://staging.test/qc-catalog"));
        using var client = new HubQuantumClient(new HubQuantumClientOptions { ApiKey = "t", Environment = staging, BaseUrl = new Uri("https://onprem.test/api/quantum"), HttpMessageHandler = new StubHandler() });

        Assert.That(client.BaseUrl, Is.EqualTo(new Uri("https://onprem.test/api/quantum/")), "and a trailing '/' is added");
    }

    [TestCase("https://hub.test/quantum?x=1", "query")]
    [TestCase("https://hub.test/quantum#frag", "fragment")]
    [TestCase("ftp://hub.test/quantum", "absolute http or https")]
    public void Client_UnusableBaseUrl_Throws(string url, string problem)
    {
        var ex = Assert.Throws<ArgumentException>(() => new HubQuantumClient(new HubQuantumClientOptions { ApiKey = "t", BaseUrl = new Uri(url) }));
        Assert.That(ex!.Message, Does.Contain("BaseUrl").And.Contain(problem));
    }

    [Test]
    public void Client_RelativeBaseUrl_Throws() =>
        Assert.Throws<ArgumentException>(() => new HubQuantumClient(new HubQuantumClientOptions { ApiKey = "t", BaseUrl = new Uri("quantum/", UriKind.Relative) }));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Client_NoToken_FailsAtConstructionSayingWhatToPass(string? apiKey)
    {
        var ex = Assert.Throws<ArgumentException>(() => new HubQuantumClient(new HubQuantumClientOptions { ApiKey = apiKey }));

        Assert.That(ex!.Message, Does.StartWith("Please provide 'ApiKey' or 'Credential' in HubQuantumClientOptions"));
        Assert.That(ex.Message, Does.Contain("KQH_PERSONAL_ACCESS_TOKEN").And.Contain("DefaultCredentialsProvider"));
        Assert.That(ex.ParamName, Is.EqualTo("options"));
    }

    [Test]
    public void Client_ApiKeyAndCredential_Throws() =>
        Assert.That(
            () => new HubQuantumClient(new HubQuantumClientOptions { ApiKey = "t", Credential = new KipuHub.Credentials.StaticCredential("u") }),
            Throws.ArgumentException.With.Message.Contains("either ApiKey or Credential"));

    [Test]
    public void Client_NullOptions_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new HubQuantumClient((HubQuantumClientOptions)null!));

    [TestCase("X-Auth-Token")]
    [TestCase("authorization")]
    public void Client_TokenInHeaders_IsRefused(string header)
    {
        var options = new HubQuantumClientOptions { ApiKey = "t", Headers = { [header] = "sneaky" } };

        Assert.That(() => new HubQuantumClient(options), Throws.ArgumentException.With.Message.Contains("credential options"));
    }

    [Test]
    public void Client_OrganizationTwice_IsRefused()
    {
        var options = new HubQuantumClientOptions { ApiKey = "t", OrganizationId = "o1", Headers = { ["X-OrganizationId"] = "o2" } };

        Assert.That(() => new HubQuantumClient(options), Throws.ArgumentException.With.Message.Contains("set only OrganizationId"));
    }

    [Test]
    public void Client_HttpClientAndHandler_Refused()
    {
        using var http = new HttpClient();
        var options = new HubQuantumClientOptions { ApiKey = "t", HttpClient = http, HttpMessageHandler = new StubHandler() };

        Assert.That(() => new HubQuantumClient(options), Throws.ArgumentException.With.Message.Contains("not both"));
    }

    [Test]
    public void Client_HandlerThatFollowsRedirects_IsRefusedWithTheFix()
    {
        using var sockets = new SocketsHttpHandler();
        using var classic = new HttpClientHandler();

        Assert.That(() => new HubQuantumClient(new HubQuantumClientOptions { ApiKey = "t", HttpMessageHandler = sockets }), Throws.ArgumentException.With.Message.Contains("AllowAutoRedirect = false"));
        Assert.That(() => new HubQuantumClient(new HubQuantumClientOptions { ApiKey = "t", HttpMessageHandler = classic }), Throws.ArgumentException.With.Message.Contains("AllowAutoRedirect = false"));
    }

    [Test]
    public void Client_HandlerChainEndingInAutoRedirect_IsRefused()
    {
        var chain = new PassThroughHandler { InnerHandler = new SocketsHttpHandler() };

        Assert.That(() => new HubQuantumClient(new HubQuantumClientOptions { ApiKey = "t", HttpMessageHandler = chain }), Throws.ArgumentException);
    }

    [Test]
    public void Client_HandlerWithoutAutoRedirect_IsAccepted()
    {
        using var sockets = new SocketsHttpHandler { AllowAutoRedirect = false };

        using var client = new HubQuantumClient(new HubQuantumClientOptions { ApiKey = "t", HttpMessageHandler = sockets });
        Assert.That(client, Is.Not.Null);
    }

    [Test]
    public void Client_NonPositiveTimeout_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new HubQuantumClient(new HubQuantumClientOptions { ApiKey = "t", Timeout = TimeSpan.Zero }));

    [Test]
    public void Client_InfiniteTimeout_IsAllowed()
    {
        using var client = new HubQuantumClient(new HubQuantumClientOptions { ApiKey = "t", Timeout = Timeout.InfiniteTimeSpan, HttpMessageHandler = new StubHandler() });
        Assert.That(client, Is.Not.Null);
    }

    [Test]
    public void Client_NegativeRetries_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new HubQuantumClient(new HubQuantumClientOptions { ApiKey = "t", MaxRetries = -1 }));

    [Test]
    public void Client_NegativeMaxCost_Throws_NamingTheOption()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new HubQuantumClient(new HubQuantumClientOptions { ApiKey = "t", MaxCost = -0.01m }));
        var listed = new HubQuantumClientOptions { ApiKey = "t", MaxCost = -5m }.Validate();

        Assert.That(ex!.ParamName, Is.EqualTo("MaxCost"));
        Assert.That(ex.Message, Does.Contain("HubQuantumClientOptions.MaxCost must be 0 or more").And.Contain("-0.01"));
        Assert.That(listed.Single(), Does.Contain("HubQuantumClientOptions.MaxCost must be 0 or more"));
    }

    [TestCase(0)]
    [TestCase(12.5)]
    public void Client_ZeroOrPositiveMaxCost_IsAllowed(double maxCost)
    {
        using var client = new HubQuantumClient(new HubQuantumClientOptions { ApiKey = "t", MaxCost = (decimal)maxCost, HttpMessageHandler = new StubHandler() });
        Assert.That(client, Is.Not.Null);
    }

    [Test]
    public void Client_ReadsOptionsOnce_LaterChangesDoNotAffectIt()
    {
        var options = new HubQuantumClientOptions { ApiKey = "t", OrganizationId = "o1", HttpMessageHandler = new StubHandler() };
        using var client = new HubQuantumClient(options);

        options.OrganizationId = "o2";
        options.BaseUrl = new Uri("https://elsewhere.test/");

        Assert.That(client.OrganizationId, Is.EqualTo("o1"));
        Assert.That(client.BaseUrl, Is.EqualTo(HubEnvironment.Default.QuantumBaseUrl));
    }

    private sealed class PassThroughHandler : DelegatingHandler;
}
