using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Xml.Linq;

namespace KipuHub.Extensions.DependencyInjection.Tests.Packaging;

/// <summary>
/// Packs the packages into a local folder feed, creates a new console project that takes the KipuHub packages from that
/// feed only (third-party ones from the machine's NuGet source), runs the C# quickstart against the emulator, and
/// installs and runs the emulator tool. About a minute and a half on two cores.
/// </summary>
[TestFixture]
[Category("Packaging")]
public class PackagingTests
{
    // Generous: on a shared two-core machine a Release pack of the (then seven) packages has taken over four minutes.
    private static readonly TimeSpan StepLimit = TimeSpan.FromMinutes(8);

    [Test]
    public async Task Packages_FromALocalFeed_RunTheQuickstartAgainstTheEmulator()
    {
        var clock = Stopwatch.StartNew();
        var root = RepositoryRoot();
        var work = Directory.CreateTempSubdirectory("kipuhub-packaging-").FullName;

        // A version of its own per run: the global packages folder caches by id and version, so a fixed version
        // would silently reuse an older build of the packages.
        var version = $"0.0.0-packtest.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        try
        {
            var feed = Path.Combine(work, "feed");
            await DotnetCli.RunAsync(root, StepLimit, "pack", "KipuHub.Packages.slnf", "-c", "Release", "--no-restore", "-o", feed, $"-p:Version={version}", "--disable-build-servers");
            var packages = Directory.GetFiles(feed, "*.nupkg").Select(Path.GetFileName).ToList();
            Assert.That(packages, Is.EquivalentTo(new[]
            {
                $"KipuHub.{version}.nupkg", $"KipuHub.Generated.Quantum.{version}.nupkg", $"KipuHub.Generated.Service.{version}.nupkg",
                $"KipuHub.Generated.Platform.{version}.nupkg", $"KipuHub.Emulator.{version}.nupkg", $"KipuHub.Emulator.Tool.{version}.nupkg",
                $"KipuHub.Extensions.DependencyInjection.{version}.nupkg",
                $"KipuHub.Aspire.Hosting.{version}.nupkg", $"KipuHub.Aspire.{version}.nupkg",
            }));
            Assert.That(Directory.GetFiles(feed, "*.snupkg"), Has.Length.EqualTo(9), "symbols for every package");
            AssertMetadata(feed, RepositoryUrl(root));
            AssertAspirePackages(feed, version);
            TestContext.Out.WriteLine($"pack: {clock.Elapsed}");

            var app = Path.Combine(work, "app");
            Directory.CreateDirectory(app);
            WriteConsoleProject(app, feed, version);
            var output = await DotnetCli.RunAsync(app, StepLimit, "run", "-c", "Release", "--disable-build-servers");
            Assert.That(output, Does.Contain("QUICKSTART OK"));
            Assert.That(output, Does.Match(@"counts: \{.*""00"".*\}"));
            TestContext.Out.WriteLine($"quickstart: {clock.Elapsed}");

            var tools = Path.Combine(work, "tools");
            // As the tool README says: the packed folder as an extra source, no nuget.config (run outside the app folder).
            await DotnetCli.RunAsync(work, StepLimit, "tool", "install", "KipuHub.Emulator.Tool", "--version", version, "--tool-path", tools, "--add-source", feed);
            var help = await RunToolAsync(Path.Combine(tools, "kipuhub-emulator"));
            Assert.That(help, Does.Contain("kipuhub-emulator").And.Contain("--port"));
            await AssertTakenPortIsOneLineAsync(Path.Combine(tools, "kipuhub-emulator"));
            TestContext.Out.WriteLine($"tool: {clock.Elapsed}");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
            RemoveFromGlobalPackages(version);
        }
    }

    /// <summary>Every package names its license, project and repository in its .nuspec, as nuget.org shows them.</summary>
    private static void AssertMetadata(string feed, string repositoryUrl)
    {
        foreach (var package in Directory.GetFiles(feed, "*.nupkg"))
        {
            using var zip = ZipFile.OpenRead(package);
            var entry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
            using var stream = entry.Open();
            var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            XElement Element(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)
                ?? throw new AssertionException($"{Path.GetFileName(package)}: no <{name}> in the .nuspec");

            var name = Path.GetFileName(package);
            Assert.That(Element("license").Attribute("type")?.Value, Is.EqualTo("expression"), name);
            Assert.That(Element("license").Value, Is.EqualTo("MIT"), name);
            Assert.That(Element("projectUrl").Value, Is.EqualTo(repositoryUrl), name);
            Assert.That(Element("repository").Attribute("type")?.Value, Is.EqualTo("git"), name);
            Assert.That(Element("repository").Attribute("url")?.Value, Is.EqualTo(repositoryUrl), name);
            Assert.That(Element("readme").Value, Is.EqualTo("README.md"), name);
        }
    }

    /// <summary>
    /// The Aspire packages: the hosting one depends on Aspire.Hosting only (the restore pins of Polly.Core and
    /// Nerdbank.MessagePack stay private), the client one on KipuHub.Extensions.DependencyInjection of the same version
    /// and OpenTelemetry, and ships its configuration schema; each has its own README.
    /// </summary>
    private static void AssertAspirePackages(string feed, string version)
    {
        var hosting = Nuspec(feed, "KipuHub.Aspire.Hosting", version);
        Assert.That(hosting.Dependencies.Keys, Is.EquivalentTo(new[] { "Aspire.Hosting" }), "KipuHub.Aspire.Hosting's dependencies");
        Assert.That(hosting.Readme, Does.StartWith("# KipuHub.Aspire.Hosting").And.Contain("AddKipuHubEmulator"));

        var client = Nuspec(feed, "KipuHub.Aspire", version);
        Assert.That(client.Dependencies.Keys, Is.EquivalentTo(new[] { "KipuHub.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting.Abstractions", "OpenTelemetry.Extensions.Hosting" }), "KipuHub.Aspire's dependencies");
        Assert.That(client.Dependencies["KipuHub.Extensions.DependencyInjection"], Does.Contain(version));
        Assert.That(client.Readme, Does.StartWith("# KipuHub.Aspire").And.Contain("AddKipuHubClient"));
        Assert.That(client.Files, Does.Contain("ConfigurationSchema.json"), "the settings' JSON schema at the package root");
    }

    private static (Dictionary<string, string> Dependencies, string Readme, List<string> Files) Nuspec(string feed, string id, string version)
    {
        using var zip = ZipFile.OpenRead(Path.Combine(feed, $"{id}.{version}.nupkg"));
        using var nuspec = zip.Entries.Single(e => e.FullName == $"{id}.nuspec").Open();
        var dependencies = XDocument.Load(nuspec).Descendants().Where(e => e.Name.LocalName == "dependency")
            .ToDictionary(e => e.Attribute("id")!.Value, e => e.Attribute("version")!.Value);
        using var readme = new StreamReader(zip.GetEntry("README.md")!.Open());
        return (dependencies, readme.ReadToEnd(), zip.Entries.Select(e => e.FullName).ToList());
    }

    /// <summary>The one place the repository URL is set, so the test follows it when the repository moves.</summary>
    private static string RepositoryUrl(string root)
    {
        var url = XDocument.Load(Path.Combine(root, "Directory.Build.props")).Descendants("KipuHubRepositoryUrl").Single().Value;
        Assert.That(Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme == Uri.UriSchemeHttps, url);
        return url;
    }

    /// <summary>The installed tool on a taken port: one line on standard error naming the port and --port, a non-zero exit code.</summary>
    private static async Task AssertTakenPortIsOneLineAsync(string tool)
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(port);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token);

        Assert.That(process.ExitCode, Is.Not.Zero, error);
        Assert.That(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1).And.All.Contain($"port {port}").And.All.Contain("--port"), error);
        Assert.That(await output, Is.Empty);
    }

    private static void WriteConsoleProject(string app, string feed, string version)
    {
        // The KipuHub packages may come only from the local feed (package source mapping); everything else from nuget.org.
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local"><package pattern="KipuHub.*" /><package pattern="KipuHub" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, "Quickstart.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="KipuHub" Version="{version}" />
                <PackageReference Include="KipuHub.Emulator" Version="{version}" />
                <PackageReference Include="KipuHub.Extensions.DependencyInjection" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), QuickstartSource);
    }

    /// <summary>The quickstart, as a user would write it after <c>dotnet add package KipuHub</c>.</summary>
    private const string QuickstartSource = """
        using KipuHub;
        using KipuHub.Emulator;
        using KipuHub.Generated.Quantum;
        using Microsoft.Extensions.DependencyInjection;

        await using var hub = await KipuHubEmulator.StartAsync();

        // 1. The facade, as in the README.
        using var client = new HubQuantumClient(new HubQuantumClientOptions { BaseUrl = hub.QuantumBaseUrl, ApiKey = hub.AccessToken });
        var job = await client.Jobs.CreateJobAsync(new CreateJobRequest
        {
            BackendId = "azure.ionq.simulator",
            Shots = 1000,
            Input = new AzureIonqSimulatorJobInput
            {
                Gateset = "qis",
                Qubits = 2,
                Circuit =
                {
                    new IonqCircuitItem { Type = IonqGate.H, Targets = { 0 } },
                    new IonqCircuitItem { Type = IonqGate.Cnot, Controls = [0], Targets = { 1 } },
                },
            },
        });
        for (var poll = 0; poll < 100; poll++)
        {
            var status = (await client.Jobs.GetJobStatusAsync(job.Id!)).Status;
            if (status != JobStatus.Pending && status != JobStatus.Running)
            {
                break;
            }

            await Task.Delay(50);
        }

        var result = await client.Jobs.GetJobResultAsync(job.Id!);
        Console.WriteLine($"counts: {Newtonsoft.Json.Linq.JObject.FromObject(result)["counts"]!.ToString(Newtonsoft.Json.Formatting.None)}");

        // 2. The same through services.AddKipuHub().
        var services = new ServiceCollection().AddLogging();
        services.AddKipuHub(o => { o.BaseUrl = hub.QuantumBaseUrl; o.ApiKey = hub.AccessToken; });
        await using var provider = services.BuildServiceProvider();
        var backends = await provider.GetRequiredService<IHubQuantumClient>().Backends.GetBackendsAsync();
        Console.WriteLine(backends.Count > 0 ? "QUICKSTART OK" : "no backends");
        """;

    private static async Task<string> RunToolAsync(string path)
    {
        using var process = Process.Start(new ProcessStartInfo(path, "--help") { RedirectStandardOutput = true, UseShellExecute = false })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token);
        Assert.That(process.ExitCode, Is.Zero, output);
        return output;
    }

    private static void RemoveFromGlobalPackages(string version)
    {
        var global = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in Directory.Exists(global) ? Directory.GetDirectories(global, "kipuhub*") : [])
        {
            var folder = Path.Combine(id, version);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            if (Directory.GetFileSystemEntries(id).Length == 0)
            {
                Directory.Delete(id);
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KipuHub.Packages.slnf")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("KipuHub.Packages.slnf not found above the test directory.");
    }
}
