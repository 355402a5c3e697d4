using KipuHub.Emulator;
using KipuHub.Generated.Quantum;
using KipuHub.Jobs;
using KipuHub.Paging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using PlatformService = KipuHub.Generated.Platform.ServiceDto;
using ServiceExecution = KipuHub.Generated.Service.ServiceExecution;

namespace KipuHub.Extensions.DependencyInjection.Tests.Samples;

/// <summary>
/// ASP.NET Core writes endpoint results with System.Text.Json. SDK models returned from minimal API endpoints must reach
/// the client in their wire shape: enum values as strings ("COMPLETED", not {"isKnown":true}), wire names
/// (backend_id, _links), fields this SDK does not know kept, nothing added. Each test runs a real host (TestServer).
/// </summary>
[TestFixture]
public class ModelJsonThroughAspNetTests
{
    // As the Hub sends them (Newtonsoft.Json reads them in the clients), each with a field and an enum value this SDK does not know.
    private const string JobWire = """
        {"id":"j1","name":"bell","backend_id":"aws.sim.sv1","provider":"AWS","status":"COMPLETED","input_format":"OPEN_QASM_V3",
         "created_at":"2026-03-04T05:06:07.891+02:00","shots":100,"input_params":{"disable_qubit_rewiring":true},
         "tags":["a"],"sdk_provider":"FUTURE_SDK","brand_new_field":{"nested":[1,2,3]}}
        """;

    private const string BackendWire = """
        {"id":"aws.sim.sv1","provider":"AWS","hardware_provider":"AWS","type":"SIMULATOR","status":"ONLINE","technology":"FUTURE_TECH",
         "configuration":{"qubit_count":34,"shots_range":{"min":1,"max":100000},"gates":[{"name":"h","native_gate":false}],"memory_result_supported":true},
         "updated_at":"2026-01-02T03:04:05Z","brand_new_field":"kept"}
        """;

    private const string SessionWire = """
        {"id":"s1","backend_id":"aws.sim.sv1","provider":"AWS","status":"OPEN","mode":"BATCH","created_at":"2026-03-04T05:06:07Z","brand_new_field":[1]}
        """;

    private const string ServiceExecutionWire = """
        {"id":"e1","createdAt":"2026-03-04T05:06:07.891Z","status":"SUCCEEDED","type":"MANAGED","serviceId":"svc1","brandNewField":{"x":1}}
        """;

    private const string PlatformServiceWire = """
        {"id":"svc1","name":"VQE","lifecycle":"PUBLISHED","type":"MANAGED","createdAt":"2026-03-04T05:06:07Z","brandNewField":true}
        """;

    [Test]
    public async Task Models_returned_from_minimal_api_endpoints_reach_the_client_in_their_wire_shape()
    {
        await using var app = await StartAsync(routes =>
        {
            routes.MapGet("/job", () => Read<Job>(JobWire));
            routes.MapGet("/backend", () => Read<Backend>(BackendWire));
            routes.MapGet("/session", () => Read<Session>(SessionWire));
            routes.MapGet("/execution", () => Read<ServiceExecution>(ServiceExecutionWire));
            routes.MapGet("/service", () => Read<PlatformService>(PlatformServiceWire));
        });
        using var http = app.GetTestClient();

        foreach (var (path, wire) in new[] { ("/job", JobWire), ("/backend", BackendWire), ("/session", SessionWire), ("/execution", ServiceExecutionWire), ("/service", PlatformServiceWire) })
        {
            // What the SDK itself would send: Newtonsoft.Json's rendering of the model it read (dates as DateTimeOffset, "+00:00").
            var expected = Newtonsoft.Json.JsonConvert.SerializeObject(ReadModel(wire, path));
            var received = await http.GetStringAsync(path);
            Assert.That(JToken.DeepEquals(Parse(received), Parse(expected)), Is.True, $"{path}\nexpected: {expected}\nreceived: {received}");
            Assert.That(received, Does.Not.Contain("isKnown").And.Not.Contain("additionalProperties"), path);
            var receivedObject = (JObject)Parse(received);
            Assert.That(receivedObject.Properties().Select(p => p.Name), Is.EquivalentTo(((JObject)Parse(wire)).Properties().Select(p => p.Name)), path + ": every wire field, known or not, and nothing else");
            Assert.That(receivedObject["status"]?.Type ?? receivedObject["lifecycle"]!.Type, Is.EqualTo(JTokenType.String), path);
        }

        var job = await http.GetStringAsync("/job");
        Assert.That(job, Does.Contain("\"status\":\"COMPLETED\"").And.Contain("\"backend_id\":\"aws.sim.sv1\"").And.Contain("\"sdk_provider\":\"FUTURE_SDK\""));
        Assert.That(job, Does.Contain("\"created_at\":\"2026-03-04T05:06:07.891+02:00\""), "dates as on the wire");
    }

    [Test]
    public async Task The_service_result_keeps_its_hal_names()
    {
        const string wire = """{"_links":{"self":{"href":"/e1/result"}},"_embedded":{"status":{"id":"e1","status":"SUCCEEDED"}},"energy":-1.137}""";
        await using var app = await StartAsync(routes => routes.MapGet("/result", () => Read<KipuHub.Generated.Service.ResultResponse>(wire)));
        using var http = app.GetTestClient();

        var received = await http.GetStringAsync("/result");

        Assert.That(JToken.DeepEquals(Parse(received), Parse(wire)), Is.True, received);
    }

    // The README's snippet, as written: GET /jobs/{id} returns the job's status.
    [Test]
    public async Task The_readme_jobs_snippet_returns_the_status_as_its_string()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var emulator = await Emulators.StartAsync(time);
        await using var app = await StartAsync(
            app => app.MapGet("/jobs/{id}", async (IHubQuantumClient hub, string id, CancellationToken ct) =>
                (await hub.Jobs.GetJobStatusAsync(id, cancellationToken: ct)).Status),
            emulator);
        using var http = app.GetTestClient();
        var job = await app.Services.GetRequiredService<IHubQuantumClient>().Jobs.CreateJobAsync(TestJobs.BellJob());
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.That(await http.GetStringAsync($"/jobs/{job.Id}"), Is.EqualTo("\"COMPLETED\""));
    }

    // The DI package README's snippet, as written: GET /backends returns the Hub's backends.
    [Test]
    public async Task The_di_readme_backends_snippet_returns_the_backends_in_their_wire_shape()
    {
        await using var emulator = await Emulators.StartAsync();
        await using var app = await StartAsync(
            app => app.MapGet("/backends", (IHubQuantumClient hub, CancellationToken ct) => hub.Backends.GetBackendsAsync(cancellationToken: ct)),
            emulator);
        using var http = app.GetTestClient();

        var received = (JArray)Parse(await http.GetStringAsync("/backends"));
        var direct = await app.Services.GetRequiredService<IHubQuantumClient>().Backends.GetBackendsAsync();

        Assert.That(received, Has.Count.EqualTo(direct.Count).And.Count.GreaterThan(0));
        Assert.That(JToken.DeepEquals(received, Parse(Newtonsoft.Json.JsonConvert.SerializeObject(direct))), Is.True, "ASP.NET wrote the backends as Newtonsoft.Json does");
        var first = (JObject)received[0];
        Assert.That(first["status"]!.Type, Is.EqualTo(JTokenType.String), first.ToString());
        Assert.That(first.Properties().Select(p => p.Name), Has.Some.Contains("_").And.None.EqualTo("isKnown").And.None.EqualTo("additionalProperties"));
    }

    [Test]
    public async Task Facade_results_serialize_without_secrets_or_internal_state()
    {
        var job = Read<Job>(JobWire);
        var failed = new HubApiException("The Hub refused the credentials.", 401, new Dictionary<string, IEnumerable<string>> { ["WWW-Authenticate"] = ["Bearer secret-token-value"] }, "secret body");
        var submissions = typeof(JobSubmission).GetConstructors(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance).Single();
        var created = (JobSubmission)submissions.Invoke([0, TestJobs.BellJob(), job, null, JobSubmissionOutcome.Created, 1, false]);
        var rejected = (JobSubmission)submissions.Invoke([1, TestJobs.BellJob(), null, failed, JobSubmissionOutcome.Rejected, 1, false]);
        var result = new JobResult(job, JToken.Parse("""{"counts":{"00":48,"11":52},"extra":[1]}"""));
        var page = new Page<Job>([job], 0, 1, 3, 3);

        await using var app = await StartAsync(routes =>
        {
            routes.MapGet("/result", () => result);
            routes.MapGet("/submissions", () => new[] { created, rejected });
            routes.MapGet("/page", () => page);
        });
        using var http = app.GetTestClient();

        foreach (var (path, value) in new (string, object)[] { ("/result", result), ("/submissions", new[] { created, rejected }), ("/page", page) })
        {
            var received = await http.GetStringAsync(path);
            Assert.That(JToken.DeepEquals(Parse(received), Parse(Newtonsoft.Json.JsonConvert.SerializeObject(value))), Is.True,
                $"{path}: System.Text.Json and Newtonsoft.Json differ\nSTJ: {received}\nNewtonsoft: {Newtonsoft.Json.JsonConvert.SerializeObject(value)}");
            Assert.That(received, Does.Not.Contain("secret").And.Not.Contain("StackTrace").And.Not.Contain("isKnown"), path);
        }

        var resultJson = (JObject)Parse(await http.GetStringAsync("/result"));
        Assert.That(resultJson["raw"]!["counts"]!["11"]!.Value<int>(), Is.EqualTo(52));
        Assert.That(resultJson["counts"]!["00"]!.Value<int>(), Is.EqualTo(48));
        Assert.That(resultJson["job"]!["status"]!.Value<string>(), Is.EqualTo("COMPLETED"));

        var rejectedJson = (JObject)((JArray)Parse(await http.GetStringAsync("/submissions")))[1];
        Assert.That(rejectedJson["outcome"]!.Value<string>(), Is.EqualTo("Rejected"));
        Assert.That(rejectedJson["error"], Is.EqualTo(JObject.Parse("""{"type":"HubApiException","message":"The Hub refused the credentials.","statusCode":401}""")));

        var pageJson = (JObject)Parse(await http.GetStringAsync("/page"));
        Assert.That(pageJson.Properties().Select(p => p.Name), Is.EquivalentTo(new[] { "values", "pageNumber", "pageSize", "totalElements", "totalPages", "hasNextPage" }));
    }

    private static T Read<T>(string wire) => Newtonsoft.Json.JsonConvert.DeserializeObject<T>(wire)!;

    // The model an endpoint path returns, read from its wire text.
    private static object ReadModel(string wire, string path) => path switch
    {
        "/job" => Read<Job>(wire),
        "/backend" => Read<Backend>(wire),
        "/session" => Read<Session>(wire),
        "/execution" => Read<ServiceExecution>(wire),
        _ => Read<PlatformService>(wire),
    };

    private static JToken Parse(string json)
    {
        using var reader = new Newtonsoft.Json.JsonTextReader(new StringReader(json)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None, FloatParseHandling = Newtonsoft.Json.FloatParseHandling.Decimal };
        return JToken.ReadFrom(reader);
    }

    // A minimal API on TestServer with ASP.NET Core's own JSON defaults; with AddKipuHub pointed at the emulator when given one.
    private static async Task<WebApplication> StartAsync(Action<WebApplication> map, KipuHubEmulator? hub = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        if (hub is not null)
        {
            builder.Services.AddKipuHub(Emulators.Configure(hub));
        }

        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return app;
    }
}
