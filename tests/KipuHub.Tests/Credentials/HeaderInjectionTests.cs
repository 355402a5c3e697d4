using System.Net;
using KipuHub.Credentials;
using KipuHub.Tests.Support;

namespace KipuHub.Tests.Credentials;

/// <summary>
/// Issue 12 #3: a token or organization id holding a character that is not allowed in a header value is refused where
/// it is resolved, with a typed error naming its source and never its value, and nothing is sent.
/// </summary>
[TestFixture]
public class HeaderInjectionTests
{
    private const string Injected = "X-Injected: yes";

    // Interior characters: leading and trailing white space is trimmed from every source, as before.
    private static readonly (string Name, string Value)[] BadValues =
    [
        ("CRLF", Canary.Token + "\r\n" + Injected),
        ("LF", Canary.Token + "\n" + Injected),
        ("CR", Canary.Token + "\r" + Injected),
        ("NUL", Canary.Token + "\0" + Injected),
        ("NEL", Canary.Token + "\u0085" + Injected),
        ("NonAscii", Canary.Token + "\u00e9"),
    ];

    // Named cases: the values (and so the canary) never appear in test names or output.
    public static IEnumerable<TestCaseData> Bad => BadValues.Select(b => new TestCaseData(b.Value).SetArgDisplayNames(b.Name));

    private static string[] BadValue => [.. BadValues.Select(b => b.Value)];

    private TempDirectory _home = null!;

    [SetUp]
    public void SetUp() => _home = new TempDirectory();

    [TearDown]
    public void TearDown() => _home.Dispose();

    [TestCaseSource(nameof(Bad))]
    public void ApiKey_IsRefusedByTheOptions_NamingTheOption(string apiKey)
    {
        var stub = new StubHandler();

        var ex = Assert.Throws<ArgumentException>(() => Hub.Quantum(stub, o => o.ApiKey = apiKey));

        Assert.That(ex!.Message, Does.Contain("HubQuantumClientOptions.ApiKey").And.Contain("not allowed in an HTTP header value"));
        Assert.That(ex.ParamName, Is.EqualTo("ApiKey"));
        AssertNoSecret(ex);
        Assert.That(stub.Requests, Is.Empty);
    }

    [TestCaseSource(nameof(Bad))]
    public void ServiceToken_IsRefusedByTheOptions_NotARawFormatException(string token)
    {
        var stub = new StubHandler();

        var ex = Assert.Throws<ArgumentException>(() => Hub.Service(stub, o => o.Token = token));

        Assert.That(ex!.Message, Does.Contain("HubServiceClientOptions.Token"));
        AssertNoSecret(ex);
    }

    [TestCaseSource(nameof(Bad))]
    public void OrganizationId_IsRefusedByTheOptions_NamingTheOption(string organizationId)
    {
        var ex = Assert.Throws<ArgumentException>(() => Hub.Platform(new StubHandler(), o => o.OrganizationId = organizationId));

        Assert.That(ex!.Message, Does.Contain("HubPlatformClientOptions.OrganizationId").And.Contain("not allowed in an HTTP header value"));
        AssertNoSecret(ex);
    }

    [Test]
    public void Validate_ListsTheTokenAndTheOrganizationByConfigurationKey_AndNeverTheValues()
    {
        var options = new HubQuantumClientOptions { ApiKey = BadValue[0], OrganizationId = BadValue[1] };

        var problems = options.Validate(path => $"KipuHub:{path}");

        Assert.That(problems, Has.Some.StartsWith("KipuHub:ApiKey contains a character that is not allowed"));
        Assert.That(problems, Has.Some.StartsWith("KipuHub:OrganizationId contains a character that is not allowed"));
        Assert.That(problems, Has.None.Contains("KipuHub:Credential"), "the bad ApiKey is reported once, by its own name");
        Assert.That(string.Join("\n", problems), Does.Not.Contain("CANARY").And.Not.Contain(Injected));
    }

    [Test]
    public void A_trailing_line_break_is_still_trimmed_and_accepted() =>
        Assert.DoesNotThrow(() => Hub.Quantum(new StubHandler(), o => { o.ApiKey = "pat-1\r\n"; o.OrganizationId = " org-1\n"; }).Dispose());

    [TestCaseSource(nameof(Bad))]
    public void StaticCredential_RefusesTheToken(string token)
    {
        var ex = Assert.Throws<ArgumentException>(() => _ = new StaticCredential(token));

        Assert.That(ex!.ParamName, Is.EqualTo("token"));
        AssertNoSecret(ex);
    }

    [Test]
    public void EveryTokenVariable_IsRefusedNamingTheVariable([ValueSource(typeof(EnvironmentCredential), nameof(EnvironmentCredential.VariableNames))] string variable)
    {
        var environment = FakeEnvironment.Create(_home.Path, new Dictionary<string, string> { [variable] = BadValue[0] });

        var ex = Assert.ThrowsAsync<CredentialUnavailableException>(async () => await new EnvironmentCredential(environment).GetTokenAsync());

        Assert.That(ex!.Message, Does.Contain($"environment variable {variable} contains a character that is not allowed"));
        AssertNoSecret(ex);
    }

    [Test]
    public void A_bad_variable_is_not_skipped_for_the_next_source()
    {
        _home.Write(".config/qhubctl/config.json", FakeEnvironment.ConfigJson("file-token"));
        var environment = FakeEnvironment.Create(_home.Path, new Dictionary<string, string> { ["KQH_PERSONAL_ACCESS_TOKEN"] = BadValue[1] });
        var stub = new StubHandler();
        using var client = Hub.Quantum(stub, o => { o.ApiKey = null; o.Credential = new DefaultCredentialsProvider(environment: environment); });

        var ex = Assert.ThrowsAsync<CredentialUnavailableException>(() => client.Backends.GetBackendsAsync());

        Assert.That(ex!.Message, Does.Contain("KQH_PERSONAL_ACCESS_TOKEN"));
        AssertNoSecret(ex);
        Assert.That(stub.Requests, Is.Empty, "never sent");
    }

    [TestCaseSource(nameof(Bad))]
    public void ConfigFileToken_IsAConfigFileExceptionNamingTheFileAndField(string token)
    {
        var path = _home.Write(".config/qhubctl/config.json", FakeEnvironment.ConfigJson(token));

        var ex = Assert.ThrowsAsync<ConfigFileException>(async () => await new ConfigFileCredential(environment: FakeEnvironment.Create(_home.Path)).GetTokenAsync());

        Assert.That(ex!.FilePath, Is.EqualTo(path));
        Assert.That(ex.Message, Does.Contain(path).And.Contain("'auth.value' contains a character that is not allowed"));
        AssertNoSecret(ex);
    }

    [TestCaseSource(nameof(Bad))]
    public void ConfigFileContextId_IsAConfigFileExceptionNamingTheFileAndField(string contextId)
    {
        var path = _home.Write(".config/qhubctl/config.json", FakeEnvironment.ConfigJson("t", contextId: contextId, isOrganization: true));

        var ex = Assert.ThrowsAsync<ConfigFileException>(() => new ContextResolver(FakeEnvironment.Create(_home.Path)).GetOrganizationIdAsync());

        Assert.That(ex!.FilePath, Is.EqualTo(path));
        Assert.That(ex.Message, Does.Contain("'context.id' contains a character that is not allowed"));
        AssertNoSecret(ex);
    }

    [TestCase("KQH_ORGANIZATION_ID")]
    [TestCase("PLANQK_ORGANIZATION_ID")]
    public void OrganizationVariable_IsRefusedNamingTheVariable(string variable)
    {
        var environment = FakeEnvironment.Create(_home.Path, new Dictionary<string, string> { [variable] = BadValue[0] });

        var ex = Assert.ThrowsAsync<CredentialUnavailableException>(() => new ContextResolver(environment).GetOrganizationIdAsync());

        Assert.That(ex!.Message, Does.Contain($"environment variable {variable} contains a character that is not allowed"));
        AssertNoSecret(ex);
    }

    [Test]
    public void A_custom_credential_returning_a_bad_token_is_refused_before_sending([Values("X-Auth-Token", "Bearer")] string scheme)
    {
        var stub = new StubHandler();
        var credential = HubCredential.FromProvider(_ => ValueTask.FromResult(BadValue[0]));
        var ex = Assert.ThrowsAsync<CredentialUnavailableException>(async () =>
        {
            if (scheme == "Bearer")
            {
                using var service = Hub.Service(stub, o => { o.Token = null; o.Credential = credential; });
                await service.SendAsync(new HttpRequestMessage(HttpMethod.Get, "status"));
            }
            else
            {
                using var quantum = Hub.Quantum(stub, o => { o.ApiKey = null; o.Credential = credential; });
                await quantum.Backends.GetBackendsAsync();
            }
        });

        Assert.That(ex!.Message, Does.Contain("returned a token that contains a character that is not allowed"));
        AssertNoSecret(ex);
        Assert.That(stub.Requests, Is.Empty, "never sent");
    }

    [Test]
    public async Task A_valid_token_and_organization_are_sent_unchanged()
    {
        var stub = new StubHandler(HttpStatusCode.OK, "[]");
        using var client = Hub.Quantum(stub, o => { o.ApiKey = "pat-1 with\tspace"; o.OrganizationId = "org-1"; });

        await client.Backends.GetBackendsAsync();

        Assert.That(stub.Requests.Single().Header("X-Auth-Token"), Is.EqualTo("pat-1 with\tspace"));
        Assert.That(stub.Requests.Single().Header("X-OrganizationId"), Is.EqualTo("org-1"));
    }

    private static void AssertNoSecret(Exception ex)
    {
        Assert.That(ex.ToString(), Does.Not.Contain("CANARY"), "the value never reaches the message");
        Assert.That(ex.ToString(), Does.Not.Contain(Injected));
    }
}
