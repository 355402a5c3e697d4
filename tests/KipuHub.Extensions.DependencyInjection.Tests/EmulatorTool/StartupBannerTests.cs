using System.Text;
using System.Text.RegularExpressions;
using KipuHub.Emulator;
using KipuHub.Emulator.Tool;
using KipuHub.Generated.Service;
using Microsoft.Extensions.Configuration;

namespace KipuHub.Extensions.DependencyInjection.Tests.EmulatorTool;

/// <summary>
/// The banner of <c>kipuhub-emulator</c> is configuration a developer pastes: these tests paste it, bind it with
/// <c>AddKipuHub</c> and call every API, so a banner that left an API pointing at the production Hub would fail here.
/// </summary>
[TestFixture]
public partial class StartupBannerTests
{
    private KipuHubEmulator _hub = null!;
    private string _banner = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _hub = await Emulators.StartAsync();
        using var output = new StringWriter();
        StartupBanner.Write(output, _hub, TokenSource.Generated);
        _banner = output.ToString();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _hub.DisposeAsync();

    [SetUp]
    public void ClearRequests() => _hub.Requests.Clear();

    [Test]
    public void Banner_NamesTheThreeBaseUrls()
    {
        Assert.That(_banner, Does.Contain($"Quantum API:      {_hub.QuantumBaseUrl}"));
        Assert.That(_banner, Does.Contain($"Platform API:     {_hub.PlatformBaseUrl}"));
        Assert.That(_banner, Does.Contain($"Service gateway:  {_hub.GetServiceBaseUrl("echo")}"));
        Assert.That(_banner, Does.Contain($"Service gateway:  {_hub.GetServiceBaseUrl("bell-sampler")}"));
    }

    [Test]
    public async Task AppSettingsAndUserSecrets_BoundWithAddKipuHub_SendEveryApiToTheEmulator()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(AppSettingsJson(_banner))))
            .AddInMemoryCollection(UserSecrets(_banner))
            .Build();

        await AssertEveryApiReachesTheEmulatorAsync(configuration);
    }

    [Test]
    public async Task EnvironmentVariables_Alone_SendEveryApiToTheEmulator()
    {
        // What the environment-variables configuration provider does with each variable: '__' separates sections.
        var variables = EnvironmentVariables(_banner).ToDictionary(v => v.Key.Replace("__", ":", StringComparison.Ordinal), v => v.Value);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(variables).Build();

        await AssertEveryApiReachesTheEmulatorAsync(configuration);
    }

    [Test]
    public void AppSettings_HoldsNoToken_AndUserSecretsStartWithInit()
    {
        var json = AppSettingsJson(_banner);
        Assert.That(json, Does.Not.Contain(_hub.AccessToken).And.Not.Contain(_hub.ServiceToken));
        var init = _banner.IndexOf("dotnet user-secrets init", StringComparison.Ordinal);
        var set = _banner.IndexOf("dotnet user-secrets set", StringComparison.Ordinal);
        Assert.That(init, Is.GreaterThan(0).And.LessThan(set), "'set' fails on a project that has no UserSecretsId yet");
        Assert.That(_banner, Does.Contain("Development environment"), "user secrets are read only in Development");
    }

    [Test]
    public void TokenGivenWithTokenOption_IsNeverEchoed()
    {
        using var output = new StringWriter();
        StartupBanner.Write(output, _hub, TokenSource.CommandLine);

        Assert.That(output.ToString(), Does.Not.Contain(_hub.AccessToken).And.Not.Contain(_hub.ServiceToken));
        Assert.That(output.ToString(), Does.Contain($"dotnet user-secrets set KipuHub:ApiKey \"{StartupBanner.GivenTokenPlaceholder}\""));
        Assert.That(output.ToString(), Does.Contain($"dotnet user-secrets set KipuHub:ServiceGateways:echo:Token \"{StartupBanner.GivenTokenPlaceholder}\""));
    }

    [Test]
    public void TokenFromTheEnvironment_IsNeverEchoed_TheBannerSaysWhereItIs()
    {
        using var output = new StringWriter();
        StartupBanner.Write(output, _hub, TokenSource.Environment);

        Assert.That(output.ToString(), Does.Not.Contain(_hub.AccessToken).And.Not.Contain(_hub.ServiceToken));
        Assert.That(output.ToString(), Does.Contain("export KipuHub__ApiKey=\"(from KIPUHUB_EMULATOR_TOKEN)\""));
        Assert.That(output.ToString(), Does.Contain("export KipuHub__ServiceGateways__echo__Token=\"(from KIPUHUB_EMULATOR_TOKEN)\""));
    }

    private async Task AssertEveryApiReachesTheEmulatorAsync(IConfiguration configuration)
    {
        var services = Emulators.Services();
        services.AddKipuHub(configuration.GetSection("KipuHub"));
        await using var provider = services.BuildServiceProvider();

        var backends = await provider.GetRequiredService<IHubQuantumClient>().Backends.GetBackendsAsync();
        var me = await provider.GetRequiredService<IHubPlatformClient>().Users.GetMeAsync();
        var echo = provider.GetRequiredKeyedService<IHubServiceClient>("echo");
        var execution = await echo.ServiceApi.StartExecutionAsync(new StartExecutionRequest { Input = new { hello = "world" } });
        var bell = provider.GetRequiredKeyedService<IHubServiceClient>(StartupBanner.GatewayKey("bell-sampler"));

        Assert.That(backends, Is.Not.Empty);
        Assert.That(me.Id, Is.Not.Null.And.Not.Empty);
        Assert.That(execution.Id, Is.Not.Null.And.Not.Empty);
        Assert.That(bell.BaseUrl, Is.EqualTo(_hub.GetServiceBaseUrl("bell-sampler")));
        Assert.That(_hub.Requests.CountOf("GET", "/quantum/backends"), Is.EqualTo(1));
        Assert.That(_hub.Requests.CountOf("GET", "/qc-catalog/users/me"), Is.EqualTo(1), "the Platform API is the emulator's too, not the production Hub's");
        Assert.That(_hub.Requests.CountOf("POST", "/gateway/kipu-demo/echo/1.0.0"), Is.EqualTo(1));
    }

    /// <summary>The JSON document the banner prints: from a line "{" to the next line "}".</summary>
    private static string AppSettingsJson(string banner)
    {
        var lines = banner.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var start = lines.IndexOf("{");
        var end = lines.IndexOf("}", start);
        Assert.That(start, Is.GreaterThanOrEqualTo(0).And.LessThan(end), banner);
        return string.Join('\n', lines.Skip(start).Take(end - start + 1));
    }

    private static Dictionary<string, string?> UserSecrets(string banner) =>
        UserSecretLine().Matches(banner).ToDictionary(m => m.Groups["key"].Value, m => (string?)m.Groups["value"].Value);

    private static Dictionary<string, string?> EnvironmentVariables(string banner) =>
        ExportLine().Matches(banner).ToDictionary(m => m.Groups["key"].Value, m => (string?)m.Groups["value"].Value);

    [GeneratedRegex("""^\s*dotnet user-secrets set (?<key>\S+) "(?<value>[^"]*)"\r?$""", RegexOptions.Multiline)]
    private static partial Regex UserSecretLine();

    [GeneratedRegex("""^\s*export (?<key>[A-Za-z_][A-Za-z0-9_]*)="(?<value>[^"]*)"\r?$""", RegexOptions.Multiline)]
    private static partial Regex ExportLine();
}
