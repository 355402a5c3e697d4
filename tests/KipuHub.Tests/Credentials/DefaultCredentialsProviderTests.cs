using KipuHub.Credentials;
using KipuHub.Tests.Support;

namespace KipuHub.Tests.Credentials;

[TestFixture]
public class DefaultCredentialsProviderTests
{
    private TempDirectory _home = null!;

    [SetUp]
    public void SetUp() => _home = new TempDirectory();

    [TearDown]
    public void TearDown() => _home.Dispose();

    [Test]
    public async Task StaticToken_WinsOverEnvironmentAndFile()
    {
        _home.Write(".config/qhubctl/config.json", FakeEnvironment.ConfigJson("file-token"));
        var provider = new DefaultCredentialsProvider("static-token", Env(new() { ["KQH_PERSONAL_ACCESS_TOKEN"] = "env-token" }));

        Assert.That(await provider.GetTokenAsync(), Is.EqualTo("static-token"));
    }

    [Test]
    public async Task Environment_WinsOverFile()
    {
        _home.Write(".config/qhubctl/config.json", FakeEnvironment.ConfigJson("file-token"));
        var provider = new DefaultCredentialsProvider(environment: Env(new() { ["KQH_PERSONAL_ACCESS_TOKEN"] = "env-token" }));

        Assert.That(await provider.GetTokenAsync(), Is.EqualTo("env-token"));
    }

    [Test]
    public async Task File_IsTheLastResort()
    {
        _home.Write(".config/qhubctl/config.json", FakeEnvironment.ConfigJson("file-token"));

        Assert.That(await new DefaultCredentialsProvider(environment: Env()).GetTokenAsync(), Is.EqualTo("file-token"));
    }

    [Test]
    public async Task BlankStaticToken_IsSkipped()
    {
        var provider = new DefaultCredentialsProvider("  ", Env(new() { ["KQH_PERSONAL_ACCESS_TOKEN"] = "env-token" }));

        Assert.That(await provider.GetTokenAsync(), Is.EqualTo("env-token"));
    }

    [Test]
    public void NothingAnywhere_MessageListsEveryPlaceTriedInOrder()
    {
        var ex = Assert.ThrowsAsync<CredentialUnavailableException>(async () => await new DefaultCredentialsProvider(environment: Env()).GetTokenAsync());

        Assert.That(ex!.AttemptedSources, Is.EqualTo(new[]
        {
            "the access token passed to DefaultCredentialsProvider: none",
            "environment variable KQH_SERVICE_EXECUTION_TOKEN: not set",
            "environment variable KQH_PERSONAL_ACCESS_TOKEN: not set",
            "environment variable PLANQK_SERVICE_EXECUTION_TOKEN: not set",
            "environment variable SERVICE_EXECUTION_TOKEN: not set",
            "environment variable PLANQK_PERSONAL_ACCESS_TOKEN: not set",
            "environment variable KQH_CONFIG_FILE_PATH: not set",
            "environment variable PLANQK_CONFIG_FILE_PATH: not set",
            $"config file {_home.Path}/.config/qhubctl/config.json: does not exist",
            $"config file {_home.Path}/.config/planqk/config.json: does not exist",
        }));
        Assert.That(ex.Message, Does.StartWith("No Kipu Quantum Hub token was found."));
        Assert.That(ex.Message, Does.Contain("Tried, in order:\n - the access token passed"));
    }

    [Test]
    public void MalformedFile_StopsTheSearchWithConfigFileException()
    {
        _home.Write(".config/qhubctl/config.json", "{ not json");

        Assert.ThrowsAsync<ConfigFileException>(async () => await new DefaultCredentialsProvider(environment: Env()).GetTokenAsync());
    }

    [Test]
    public async Task SourceIsLoggedByNameOnce_NeverTheToken()
    {
        var logs = new TestLoggerFactory();
        var provider = new DefaultCredentialsProvider(environment: Env(new() { ["KQH_PERSONAL_ACCESS_TOKEN"] = Canary.Token }), loggerFactory: logs);

        await provider.GetTokenAsync();
        await provider.GetTokenAsync();

        var line = logs.Lines.Single();
        Assert.That(line.Message, Is.EqualTo("Using the Kipu Quantum Hub token from environment variable KQH_PERSONAL_ACCESS_TOKEN"));
        Assert.That(logs.AllText, Does.Not.Contain(Canary.Token));
    }

    private CredentialEnvironment Env(Dictionary<string, string>? variables = null) => FakeEnvironment.Create(_home.Path, variables);
}
