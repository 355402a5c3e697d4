using System.Net;
using KipuHub.Generated.Service;
using KipuHub.Generated.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KipuHub.Generated.Tests.Service;

[TestFixture]
public class ServiceApiClientTests : GeneratedClientTestBase
{
    private const string ExecutionJson = """
        {"id":"e1","status":"RUNNING","createdAt":"2026-11-24 08:00:00","startedAt":"2026-11-24 08:00:01","endedAt":null,
         "type":"MANAGED","serviceId":"svc","serviceDefinitionId":"def","applicationId":"app","tags":["x"]}
        """;

    protected override string BaseAddress => MockHub.ServiceBase;

    private ServiceApiClient Client => new(Hub.Http);

    [Test]
    public async Task GetServiceExecutions_hits_the_service_base_url_itself()
    {
        Expect(HttpMethod.Get, "").Respond(_ => Json($"[{ExecutionJson}]"));
        var executions = await Client.GetServiceExecutionsAsync();
        Assert.That(Sent.Request.RequestUri!.AbsoluteUri, Is.EqualTo(MockHub.ServiceBase));
        Assert.That(executions.Single().Id, Is.EqualTo("e1"));
    }

    [Test]
    public async Task StartExecution_posts_free_form_json_with_reserved_keys_and_extra_keys()
    {
        Expect(HttpMethod.Post, "").Respond(_ => Json("""{"id":"e1","status":"PENDING"}""", HttpStatusCode.Created));

        var request = new StartExecutionRequest
        {
            Input = JObject.Parse("""{"molecule":"H2"}"""),
            InputDataRefs = [new InputDataRef { DataPoolId = "dp", DataSourceDescriptorId = "ds", FileId = "f" }],
        };
        request.AdditionalProperties["shots"] = 100;
        var execution = await Client.StartExecutionAsync(request);

        AssertJsonBody("""{"input":{"molecule":"H2"},"inputDataRefs":[{"dataPoolId":"dp","dataSourceDescriptorId":"ds","fileId":"f"}],"shots":100}""");
        Assert.That(execution.Status, Is.EqualTo(ServiceExecutionStatus.Pending));
    }

    [Test]
    public async Task GetStatus_maps_camelCase_fields()
    {
        Expect(HttpMethod.Get, "e1").Respond(_ => Json(ExecutionJson));
        var e = await Client.GetStatusAsync("e1");
        Assert.Multiple(() =>
        {
            Assert.That(e.Status, Is.EqualTo(ServiceExecutionStatus.Running));
            Assert.That(e.CreatedAt, Is.EqualTo("2026-11-24 08:00:00"));
            Assert.That(e.StartedAt, Is.EqualTo("2026-11-24 08:00:01"));
            Assert.That(e.EndedAt, Is.Null);
            Assert.That(e.Type, Is.EqualTo(ServiceExecutionType.Managed));
            Assert.That(e.ServiceId, Is.EqualTo("svc"));
            Assert.That(e.ServiceDefinitionId, Is.EqualTo("def"));
            Assert.That(e.ApplicationId, Is.EqualTo("app"));
            Assert.That(e.Tags, Is.EqualTo(new[] { "x" }));
        });
    }

    [Test]
    public async Task GetResult_maps_HAL_links_embedded_status_and_keeps_the_service_result()
    {
        Expect(HttpMethod.Get, "e1/result").Respond(_ => Json("""
            {"_links":{"self":{"href":"https://gw/e1/result"},"status":{"href":"https://gw/e1"},"output.json":{"href":"https://gw/e1/result/output.json","type":"application/json"}},
             "_embedded":{"status":{"id":"e1","status":"SUCCEEDED"}},
             "energy":-1.137}
            """));

        var result = await Client.GetResultAsync("e1");

        Assert.That(result.Links!.Keys, Is.EquivalentTo(new[] { "self", "status", "output.json" }));
        Assert.That(result.Links["output.json"].Type, Is.EqualTo("application/json"));
        Assert.That(result.Embedded!.Status!.Status, Is.EqualTo(ServiceExecutionStatus.Succeeded));
        Assert.That(Convert.ToDouble(result.AdditionalProperties["energy"], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(-1.137));
    }

    [Test]
    public async Task GetResultFile_streams_the_file_bytes()
    {
        const long size = 2 * 1024 * 1024;
        var source = new CountingStream(size);
        Expect(HttpMethod.Get, "e1/result/output.json").Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(source, 8192) });

        using var file = await Client.GetResultFileAsync("e1", "output.json");

        Assert.That(source.BytesRead, Is.LessThan(size / 4), "not buffered");
        var copy = new MemoryStream();
        await file.Stream.CopyToAsync(copy, 32 * 1024);
        Assert.That(copy.Length, Is.EqualTo(size));
    }

    [Test]
    public async Task GetLogs_maps_entries_in_order()
    {
        Expect(HttpMethod.Get, "e1/log").Respond(_ => Json("""
            [{"message":"started","severity":"INFO","timestamp":"2026-11-24T08:00:00Z"},{"message":"odd","severity":"TRACE","timestamp":"2026-11-24T08:00:01Z"}]
            """));
        var logs = await Client.GetLogsAsync("e1");
        Assert.That(logs.Select(l => l.Message), Is.EqualTo(new[] { "started", "odd" }));
        Assert.That(logs.First().Severity, Is.EqualTo(LogSeverity.Info));
        Assert.That(logs.Last().Severity!.Value.IsKnown, Is.False, "unknown severities do not throw");
        Assert.That(logs.First().Timestamp, Is.EqualTo(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public async Task CancelExecution_sends_PUT_to_cancel()
    {
        Expect(HttpMethod.Put, "e1/cancel").Respond(_ => Json("""{"id":"e1","status":"CANCELLED"}"""));
        Assert.That((await Client.CancelExecutionAsync("e1")).Status, Is.EqualTo(ServiceExecutionStatus.Cancelled));
    }

    [Test]
    public void Error_status_headers_and_body_reach_the_caller()
    {
        Expect(HttpMethod.Get, "e1").Respond(_ => ErrorResponse(HttpStatusCode.Unauthorized, """{"error":"invalid_token"}"""));
        var ex = Assert.ThrowsAsync<ServiceApiException>(() => Client.GetStatusAsync("e1"));
        Assert.That(ex!.StatusCode, Is.EqualTo(401));
        Assert.That(ex.Response, Is.EqualTo("""{"error":"invalid_token"}"""));
        Assert.That(ex.Headers.Header("X-Request-Id"), Is.EqualTo("req-42"));
    }
}
