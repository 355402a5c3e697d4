using System.Runtime.InteropServices;
using KipuHub.Credentials;
using KipuHub.Credentials.Internal;
using KipuHub.Tests.Support;

namespace KipuHub.Tests.Credentials;

[TestFixture]
public class ConfigFileCredentialTests
{
    private TempDirectory _home = null!;

    [SetUp]
    public void SetUp() => _home = new TempDirectory();

    [TearDown]
    public void TearDown() => _home.Dispose();

    [Test]
    public void DefaultPaths_Linux_AreQhubctlThenPlanqkUnderDotConfig() =>
        Assert.That(ConfigFileLocator.DefaultPaths(FakeEnvironment.Create("/home/ada", os: OSPlatform.Linux)), Is.EqualTo(new[]
        {
            "/home/ada/.config/qhubctl/config.json",
            "/home/ada/.config/planqk/config.json",
        }));

    [Test]
    public void DefaultPaths_MacOS_UseDotConfigLikeTheClis() =>
        Assert.That(ConfigFileLocator.DefaultPaths(FakeEnvironment.Create("/Users/ada", os: OSPlatform.OSX)), Is.EqualTo(new[]
        {
            "/Users/ada/.config/qhubctl/config.json",
            "/Users/ada/.config/planqk/config.json",
        }));

    [Test]
    public void DefaultPaths_Windows_UseLocalAppData() =>
        Assert.That(
            ConfigFileLocator.DefaultPaths(FakeEnvironment.Create(@"C:\Users\ada", new Dictionary<string, string> { ["LOCALAPPDATA"] = @"D:\Local" }, OSPlatform.Windows)),
            Is.EqualTo(new[] { @"D:\Local\qhubctl\config.json", @"D:\Local\planqk\config.json" }));

    [Test]
    public void DefaultPaths_WindowsWithoutLocalAppData_FallBackToHomeAppDataLocal() =>
        Assert.That(
            ConfigFileLocator.DefaultPaths(FakeEnvironment.Create(@"C:\Users\ada", os: OSPlatform.Windows)),
            Is.EqualTo(new[] { @"C:\Users\ada\AppData\Local\qhubctl\config.json", @"C:\Users\ada\AppData\Local\planqk\config.json" }));

    [Test]
    public async Task GetTokenAsync_QhubctlFile_IsRead()
    {
        _home.Write(".config/qhubctl/config.json", FakeEnvironment.ConfigJson("qhubctl-token"));
        _home.Write(".config/planqk/config.json", FakeEnvironment.ConfigJson("planqk-token"));

        Assert.That(await Credential().GetTokenAsync(), Is.EqualTo("qhubctl-token"));
    }

    [Test]
    public async Task GetTokenAsync_OnlyLegacyPlanqkFile_IsRead()
    {
        _home.Write(".config/planqk/config.json", FakeEnvironment.ConfigJson("planqk-token"));

        Assert.That(await Credential().GetTokenAsync(), Is.EqualTo("planqk-token"));
    }

    [Test]
    public async Task GetTokenAsync_KqhConfigFilePath_WinsOverPlanqkVariableAndDefaults()
    {
        _home.Write(".config/qhubctl/config.json", FakeEnvironment.ConfigJson("default-token"));
        var kqh = _home.Write("custom/kqh.json", FakeEnvironment.ConfigJson("kqh-token"));
        var planqk = _home.Write("custom/planqk.json", FakeEnvironment.ConfigJson("planqk-var-token"));

        var token = await Credential(new() { ["KQH_CONFIG_FILE_PATH"] = kqh, ["PLANQK_CONFIG_FILE_PATH"] = planqk }).GetTokenAsync();

        Assert.That(token, Is.EqualTo("kqh-token"));
    }

    [Test]
    public async Task GetTokenAsync_PlanqkConfigFilePath_WinsOverDefaults()
    {
        _home.Write(".config/qhubctl/config.json", FakeEnvironment.ConfigJson("default-token"));
        var planqk = _home.Write("custom/planqk.json", FakeEnvironment.ConfigJson("planqk-var-token"));

        Assert.That(await Credential(new() { ["PLANQK_CONFIG_FILE_PATH"] = planqk }).GetTokenAsync(), Is.EqualTo("planqk-var-token"));
    }

    [Test]
    public async Task GetTokenAsync_TildeInVariable_IsTheHomeDirectory()
    {
        _home.Write("elsewhere/c.json", FakeEnvironment.ConfigJson("tilde-token"));

        Assert.That(await Credential(new() { ["KQH_CONFIG_FILE_PATH"] = "~/elsewhere/c.json" }).GetTokenAsync(), Is.EqualTo("tilde-token"));
    }

    [Test]
    public void GetTokenAsync_VariableNamesMissingFile_DoesNotFallBackToDefaults()
    {
        _home.Write(".config/qhubctl/config.json", FakeEnvironment.ConfigJson("default-token"));
        var missing = Path.Combine(_home.Path, "nope.json");

        var ex = Assert.ThrowsAsync<CredentialUnavailableException>(async () => await Credential(new() { ["KQH_CONFIG_FILE_PATH"] = missing }).GetTokenAsync());

        Assert.That(ex!.Message, Does.Contain($"config file {missing} (from KQH_CONFIG_FILE_PATH): does not exist"));
    }

    [Test]
    public void GetTokenAsync_NoFileAnywhere_ListsVariablesAndPathsTried()
    {
        var ex = Assert.ThrowsAsync<CredentialUnavailableException>(async () => await Credential().GetTokenAsync());

        Assert.That(ex!.AttemptedSources, Is.EqualTo(new[]
        {
            "environment variable KQH_CONFIG_FILE_PATH: not set",
            "environment variable PLANQK_CONFIG_FILE_PATH: not set",
            $"config file {_home.Path}/.config/qhubctl/config.json: does not exist",
            $"config file {_home.Path}/.config/planqk/config.json: does not exist",
        }));
        Assert.That(ex.Message, Does.Contain("qhubctl login"));
    }

    [Test]
    public void GetTokenAsync_FileWithoutAuth_IsUnavailableNotMalformed()
    {
        var path = _home.Write(".config/qhubctl/config.json", """{"context": {"id": "u1", "isOrganization": false}}""");

        var ex = Assert.ThrowsAsync<CredentialUnavailableException>(async () => await Credential().GetTokenAsync());

        Assert.That(ex!.Message, Does.Contain($"config file {path}: has no token (auth.value)"));
    }

    [Test]
    public async Task GetTokenAsync_ExplicitPath_IsUsed()
    {
        var path = _home.Write("any.json", FakeEnvironment.ConfigJson("explicit-token"));

        Assert.That(await new ConfigFileCredential(path, FakeEnvironment.Create(_home.Path)).GetTokenAsync(), Is.EqualTo("explicit-token"));
    }

    [Test]
    public async Task GetTokenAsync_FileRewritten_IsReadAgain()
    {
        var path = _home.Write(".config/qhubctl/config.json", FakeEnvironment.ConfigJson("old-token"));
        var credential = Credential();
        Assert.That(await credential.GetTokenAsync(), Is.EqualTo("old-token"));

        File.WriteAllText(path, FakeEnvironment.ConfigJson("new-token-longer"));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));

        Assert.That(await credential.GetTokenAsync(), Is.EqualTo("new-token-longer"));
    }

    [TestCase("{\"auth\": {\"type\": \"API_KEY\", \"value\": \"" + Canary.Token + "\"", 1, TestName = "Malformed_Truncated")]
    [TestCase("{\"auth\": {\"type\": \"API_KEY\",\n \"value\": " + Canary.Token + "}}", 2, TestName = "Malformed_UnquotedToken")]
    [TestCase("{\"auth\": {\"value\": \"" + Canary.Token + "\"}} trailing", 1, TestName = "Malformed_TrailingContent")]
    [TestCase("{'auth': {'value': '" + Canary.Token + "',}, }}", 1, TestName = "Malformed_ExtraBrace")]
    public void GetTokenAsync_MalformedJson_NamesFileAndLineButNeverTheToken(string content, int line)
    {
        var path = _home.Write(".config/qhubctl/config.json", content);

        var ex = Assert.ThrowsAsync<ConfigFileException>(async () => await Credential().GetTokenAsync());

        Assert.That(ex!.FilePath, Is.EqualTo(path));
        Assert.That(ex.LineNumber, Is.EqualTo(line));
        Assert.That(ex.LinePosition, Is.Not.Null);
        Assert.That(ex.Message, Does.Contain(path).And.Contain($"line {line}, position"));
        Assert.That(ex.Message, Does.Contain("qhubctl login"));
        Assert.That(ex.ToString(), Does.Not.Contain(Canary.Token).And.Not.Contain("CANARY"));
    }

    [TestCase("[1, 2]", "the top level must be a JSON object, not an array")]
    [TestCase("{\"auth\": \"" + Canary.Token + "\"}", "'auth' must be an object, not a string")]
    [TestCase("{\"auth\": {\"value\": 12345}}", "'auth.value' must be a string, not a number")]
    [TestCase("{\"auth\": {\"value\": \"t\"}, \"context\": {\"isOrganization\": \"yes\"}}", "'context.isOrganization' must be true or false, not a string")]
    [TestCase("   ", "the file is empty")]
    public void GetTokenAsync_WrongShape_SaysWhichField(string content, string problem)
    {
        _home.Write(".config/qhubctl/config.json", content);

        var ex = Assert.ThrowsAsync<ConfigFileException>(async () => await Credential().GetTokenAsync());

        Assert.That(ex!.Message, Does.Contain(problem));
        Assert.That(ex.ToString(), Does.Not.Contain(Canary.Token));
    }

    [Test]
    public void ReadAsync_UnreadablePath_IsAConfigFileExceptionNamingTheFile()
    {
        // Reading a directory fails with an I/O error on every OS, even for root.
        var path = Directory.CreateDirectory(Path.Combine(_home.Path, "config.json")).FullName;

        var ex = Assert.ThrowsAsync<ConfigFileException>(() => ConfigFileReader.ReadAsync(path, CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain($"'{path}' could not be read"));
        Assert.That(ex.InnerException, Is.InstanceOf<IOException>().Or.InstanceOf<UnauthorizedAccessException>());
    }

    private ConfigFileCredential Credential(Dictionary<string, string>? variables = null) =>
        new(environment: FakeEnvironment.Create(_home.Path, variables));
}
