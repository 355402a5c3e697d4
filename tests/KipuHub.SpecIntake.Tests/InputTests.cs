using System.Net;
using System.Text;
using KipuHub.SpecIntake;
using KipuHub.SpecIntake.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.OpenApi.YamlReader;
using SharpYaml.Serialization;

namespace KipuHub.SpecIntake.Tests;

/// <summary>The Hub document comes as JSON or YAML, from a file or a URL; a malformed one is refused with a clear
/// message and a non-zero exit, and nothing under specs/ is touched.</summary>
[TestFixture]
public sealed class InputTests
{
    // The smallest spec keeps these tests quick; which one it is does not matter.
    private static string SmallestApi => Repo.Apis.OrderBy(a => new FileInfo(Repo.SpecPath(a)).Length).First();

    [Test]
    public async Task AYamlDocumentImportsLikeTheSameJsonDocument()
    {
        var api = SmallestApi;
        using var temp = new TempFolder();
        var rendered = Repo.Render31(Repo.Spec(api));
        File.WriteAllText(temp.File("hub.json"), SpecJson.Serialize(rendered));
        var yaml = ToYaml(rendered);
        File.WriteAllText(temp.File("hub.yaml"), yaml);
        Assert.That(yaml.TrimStart(), Does.Not.StartWith("{"), "block-style YAML, not JSON");

        var (fromJson, _) = await Intake.ImportAsync(api, temp.File("hub.json"), temp.File("from-json.json"));
        var (fromYaml, report) = await Intake.ImportAsync(api, temp.File("hub.yaml"), temp.File("from-yaml.json"));

        Assert.That(report, Does.Contain("Input: OpenAPI 3.1.0 (yaml)"));
        Assert.That(fromYaml.Changes, Is.EqualTo(fromJson.Changes));
        Assert.That(File.ReadAllText(temp.File("from-yaml.json")), Is.EqualTo(File.ReadAllText(temp.File("from-json.json"))));
    }

    [Test]
    public async Task ADocumentAtAUrlImportsLikeTheSameFile([Values("application/json", "application/yaml")] string mediaType)
    {
        var api = SmallestApi;
        using var temp = new TempFolder();
        var rendered = Repo.Render31(Repo.Spec(api));
        File.WriteAllText(temp.File("hub.json"), SpecJson.Serialize(rendered));
        var body = mediaType.Contains("yaml", StringComparison.Ordinal) ? ToYaml(rendered) : SpecJson.Serialize(rendered);
        await using var server = await LoopbackServer.StartAsync("/quantum/docs", body, mediaType);

        var (fromFile, _) = await Intake.ImportAsync(api, temp.File("hub.json"), temp.File("from-file.json"));
        var (fromUrl, report) = await Intake.ImportAsync(api, server.Url("/quantum/docs"), temp.File("from-url.json"));

        Assert.That(server.Requests, Is.EqualTo(1));
        Assert.That(report, Does.Contain($"from {server.Url("/quantum/docs")}"));
        Assert.That(fromUrl.Changes, Is.EqualTo(fromFile.Changes));
        Assert.That(File.ReadAllText(temp.File("from-url.json")), Is.EqualTo(File.ReadAllText(temp.File("from-file.json"))));
    }

    [Test]
    public async Task AUrlThatAnswersAnErrorIsRefusedAndNothingIsWritten()
    {
        await using var server = await LoopbackServer.StartAsync("/quantum/docs", "{}", "application/json");
        using var repo = TempRepo.WithSpec(SmallestApi);

        var (code, _, error) = await Intake.RunAsync(SmallestApi, server.Url("/missing"), "--repo-root", repo.Root, "--no-api-diff");

        Assert.That(code, Is.EqualTo(ExitCodes.InvalidDocument));
        Assert.That(error, Does.Contain("HTTP 404").And.Contain("nothing was written"));
        repo.AssertSpecUnchanged();
    }

    [Test]
    public async Task AUrlIsPrintedWithoutItsUserInfoAndQuery()
    {
        await using var server = await LoopbackServer.StartAsync("/quantum/docs", "{}", "application/json");
        using var repo = TempRepo.WithSpec(SmallestApi);
        var url = server.Url("/missing").Replace("http://", "http://user:secret-password@", StringComparison.Ordinal) + "?token=secret-token";

        var (code, _, error) = await Intake.RunAsync(SmallestApi, url, "--repo-root", repo.Root, "--no-api-diff");

        Assert.That(code, Is.EqualTo(ExitCodes.InvalidDocument));
        Assert.That(error, Does.Contain(server.Url("/missing") + "?…"));
        Assert.That(error, Does.Not.Contain("secret"));
    }

    private static readonly object[] MalformedDocuments =
    [
        new object[] { "truncated.json", "{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"x\", \"version\": \"1\"}, \"paths\": {", "JSON" },
        new object[] { "broken.yaml", "openapi: 3.1.0\ninfo: [title: x\npaths: {\n", "YAML" },
        new object[] { "not-openapi.json", "{\"hello\": \"world\"}", "invalid" },
        new object[] { "undeclared-path-parameter.json", "{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"x\", \"version\": \"1\"}, \"paths\": {\"/a\": {\"get\": {\"parameters\": [{\"name\": \"id\", \"in\": \"path\", \"required\": true, \"schema\": {\"type\": \"string\"}}], \"responses\": {\"200\": {\"description\": \"ok\"}}}}}}", "path parameter" },
        new object[] { "swagger2.json", "{\"swagger\": \"2.0\", \"info\": {\"title\": \"x\", \"version\": \"1\"}, \"paths\": {}}", "not supported" },
    ];

    [TestCaseSource(nameof(MalformedDocuments))]
    public async Task AMalformedDocumentIsRefusedWithAClearErrorAndSpecsAreNotTouched(string name, string content, string message)
    {
        using var repo = TempRepo.WithSpec(SmallestApi);
        var document = repo.File(name);
        File.WriteAllText(document, content);

        var (code, output, error) = await Intake.RunAsync(SmallestApi, document, "--repo-root", repo.Root, "--no-api-diff");

        Assert.That(code, Is.EqualTo(ExitCodes.InvalidDocument), output + error);
        Assert.That(error, Does.StartWith("import-spec: ").And.Contain(document).And.Contain("nothing was written"));
        Assert.That(error, Does.Contain(message).IgnoreCase);
        Assert.That(error, Does.Not.Contain("   at "), "a message, not a stack trace");
        repo.AssertSpecUnchanged();
    }

    [Test]
    public async Task ADryRunWritesNothing()
    {
        var api = SmallestApi;
        using var repo = TempRepo.WithSpec(api);
        var document = repo.File("hub.json");
        File.WriteAllText(document, SpecJson.Serialize(Repo.Render31(Repo.Spec(api))));

        var (code, output, _) = await Intake.RunAsync(api, document, "--repo-root", repo.Root, "--no-api-diff", "--dry-run");

        Assert.That(code, Is.EqualTo(ExitCodes.Success));
        Assert.That(output, Does.Contain("Dry run: nothing written."));
        repo.AssertSpecUnchanged();
    }

    [Test]
    public async Task WithoutOutTheSpecUnderSpecsIsRewritten()
    {
        var api = SmallestApi;
        using var repo = TempRepo.WithSpec(api);
        var document = repo.File("hub.json");
        File.WriteAllText(document, SpecJson.Serialize(Repo.Render31(Repo.Spec(api))));

        var (code, output, _) = await Intake.RunAsync(api, document, "--repo-root", repo.Root, "--no-api-diff");

        Assert.That(code, Is.EqualTo(ExitCodes.Success));
        Assert.That(output, Does.Contain($"Wrote {repo.SpecPath}"));
        var written = File.ReadAllText(repo.SpecPath);
        Assert.That(written, Does.Contain("\"openapi\": \"3.0.3\"").And.EndWith("}\n").And.Not.Contain("\r"));
        Assert.That(written, Does.Contain("\n  \"info\": {"), "2-space indentation");
    }

    [TestCase]
    [TestCase("quantum")]
    [TestCase("nonsense", "x.json")]
    [TestCase("quantum", "x.json", "--bogus")]
    [TestCase("quantum", "x.json", "--out")]
    public async Task WrongArgumentsPrintTheUsage(params string[] args)
    {
        var (code, _, error) = await Intake.RunAsync(args);

        Assert.That(code, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain("Usage: build/import-spec.sh"));
    }

    [Test]
    public async Task HelpPrintsTheUsageAndSucceeds()
    {
        var (code, output, _) = await Intake.RunAsync("--repo-root", Repo.Root, "--help");

        Assert.That(code, Is.EqualTo(ExitCodes.Success));
        Assert.That(output, Does.Contain("Usage: build/import-spec.sh").And.Contain("Exit codes:"));
    }

    private static string ToYaml(System.Text.Json.Nodes.JsonNode document)
    {
        var stream = new YamlStream(new YamlDocument(document.ToYamlNode()));
        using var writer = new StringWriter();
        stream.Save(writer);
        return writer.ToString();
    }

    /// <summary>A copy of the repository's layout with one spec, so a run without --out has a specs/ to (not) touch.</summary>
    private sealed class TempRepo : IDisposable
    {
        private readonly TempFolder folder = new();
        private readonly string original;

        private TempRepo(string api)
        {
            Directory.CreateDirectory(Path.Combine(Root, "specs"));
            SpecPath = Path.Combine(Root, "specs", api + ".json");
            original = Repo.SpecText(api);
            System.IO.File.WriteAllText(SpecPath, original);
        }

        public string Root => folder.Path;

        public string SpecPath { get; }

        public static TempRepo WithSpec(string api) => new(api);

        public string File(string name) => folder.File(name);

        public void AssertSpecUnchanged()
        {
            Assert.That(System.IO.File.ReadAllText(SpecPath), Is.EqualTo(original), "specs/ must not be touched");
            Assert.That(Directory.GetFiles(Path.Combine(Root, "specs")), Has.Length.EqualTo(1), "no stray files in specs/");
        }

        public void Dispose() => folder.Dispose();
    }

    /// <summary>Kestrel on 127.0.0.1, port 0 (the OS picks a free one): serves one document at one path, 404 elsewhere.</summary>
    private sealed class LoopbackServer : IAsyncDisposable
    {
        private readonly WebApplication app;
        private int requests;

        private LoopbackServer(WebApplication app) => this.app = app;

        public int Requests => Volatile.Read(ref requests);

        public static async Task<LoopbackServer> StartAsync(string path, string body, string mediaType)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var server = new LoopbackServer(app);
            app.MapGet(path, (HttpContext context) =>
            {
                Interlocked.Increment(ref server.requests);
                return Results.Text(body, mediaType, Encoding.UTF8);
            });
            await app.StartAsync();
            return server;
        }

        public string Url(string path) => app.Urls.First().TrimEnd('/') + path;

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
