using System.Net;
using System.Text;
using KipuHub.Generated.Quantum;
using KipuHub.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json;

namespace KipuHub.Tests.Hostile;

/// <summary>
/// Issue 12's defects 1, 2, 7, 8 and 11, each as a server that misbehaves: every call ends, honours cancellation,
/// fails with a documented HubException and never shows the token.
/// </summary>
[TestFixture]
public class HostileResponseTests
{
    private const string JobJson = """{"id":"j1","backend_id":"aws.sim.sv1","status":"COMPLETED","shots":100}""";

    [Test]
    public async Task A_body_that_stalls_after_the_headers_ends_in_HubTimeoutException_after_the_read_timeout()
    {
        var time = new FakeTimeProvider();
        var body = new StallingStream(Encoding.UTF8.GetBytes("""{"id":"j1","sta"""));
        using var client = Client(_ => Streamed(HttpStatusCode.OK, body), time, TimeSpan.FromSeconds(5));

        var call = client.Jobs.GetJobAsync("j1");
        await body.Stalled;
        time.Advance(TimeSpan.FromSeconds(5));

        var ex = Assert.ThrowsAsync<HubTimeoutException>(() => call);
        Assert.That(ex!.Message, Does.Contain("GET /quantum/jobs/j1 (200)").And.Contain("stalled").And.Contain("Timeout"));
        Assert.That(body.Disposed, Is.True, "the stalled connection is closed, so the abandoned read ends too");
    }

    [Test]
    public async Task The_callers_token_ends_a_stalled_body_read_at_once_even_when_the_transport_ignores_it()
    {
        var body = new StallingStream(Encoding.UTF8.GetBytes("""{"id":"""));
        using var client = Client(_ => Streamed(HttpStatusCode.OK, body), new FakeTimeProvider(), TimeSpan.FromMinutes(10));
        using var cts = new CancellationTokenSource();

        var call = client.Jobs.GetJobStatusAsync("j1", cancellationToken: cts.Token);
        await body.Stalled;
        await cts.CancelAsync();

        Assert.That(async () => await call, Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task An_error_body_that_stalls_also_ends_after_the_read_timeout()
    {
        var time = new FakeTimeProvider();
        var body = new StallingStream(Encoding.UTF8.GetBytes("""{"message":"no"""));
        using var client = Client(_ => Streamed(HttpStatusCode.NotFound, body), time, TimeSpan.FromSeconds(2));

        var call = client.Jobs.GetJobAsync("j1");
        await body.Stalled;
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.ThrowsAsync<HubTimeoutException>(() => call);
    }

    [TestCase("""{"message":"token CANARY\u002Dtok\u002D8f3a9c1e5b7d is invalid"}""", TestName = "Token_JSON_escaped_dash")]
    [TestCase("""{"message":"\u0043\u0041\u004e\u0041\u0052\u0059\u002d\u0074\u006f\u006b\u002d\u0038\u0066\u0033\u0061\u0039\u0063\u0031\u0065\u0035\u0062\u0037\u0064"}""", TestName = "Token_every_char_escaped")]
    [TestCase("""{"error":"bad token CANARY%2Dtok%2D8f3a9c1e5b7d"}""", TestName = "Token_percent_encoded")]
    [TestCase("""{"detail":"Q0FOQVJZLXRvay04ZjNhOWMxZTViN2Q= rejected"}""", TestName = "Token_base64")]
    public void A_token_echoed_in_any_encoding_appears_in_no_part_of_the_exception(string body)
    {
        using var client = Client(_ => StubHandler.Json(HttpStatusCode.Unauthorized, body));

        var ex = Assert.ThrowsAsync<UnauthorizedException>(() => client.Jobs.GetJobAsync("j1"));

        AssertNoCanary(ex!);
        Assert.That(ex!.RawBody, Does.Contain(KipuHub.Internal.TokenRedactor.Mask));
    }

    [Test]
    public void A_token_in_a_field_of_the_wrong_type_is_not_quoted_by_the_format_error()
    {
        using var client = Client(_ => StubHandler.Json(HttpStatusCode.OK, $$"""{"id":"j1","shots":"{{Canary.Token}}"}"""));

        var ex = Assert.ThrowsAsync<HubResponseFormatException>(() => client.Jobs.GetJobAsync("j1"));

        AssertNoCanary(ex!);
        Assert.That(ex!.Message, Does.Contain("at 'shots'"), "it says where the body is wrong");
        Assert.That(ex.InnerException, Is.InstanceOf<JsonException>());
    }

    [TestCase("""{"id":"j1"}<html>proxy</html>""", TestName = "Html_after_the_document")]
    [TestCase("""{"id":"j1"}{"id":"j2"}""", TestName = "Two_documents")]
    public void Content_after_a_complete_JSON_document_is_a_format_error(string body)
    {
        using var client = Client(_ => StubHandler.Json(HttpStatusCode.OK, body));

        var ex = Assert.ThrowsAsync<HubResponseFormatException>(() => client.Jobs.GetJobAsync("j1"));

        Assert.That(ex!.Message, Does.Contain("content after the JSON document"));
    }

    [Test]
    public void A_connection_that_cannot_be_made_is_a_HubTransportException_that_says_nothing_was_sent()
    {
        var port = ClosedPort();
        using var client = new HubQuantumClient(new HubQuantumClientOptions { ApiKey = Canary.Token, BaseUrl = new Uri($"http://127.0.0.1:{port}/quantum/"), MaxRetries = 0 });

        var ex = Assert.ThrowsAsync<HubTransportException>(() => client.Jobs.CreateJobAsync(Bell()));

        Assert.That(ex!.RequestMayHaveReachedTheHub, Is.False);
        Assert.That(ex.Message, Does.Contain("Jobs.CreateJobAsync").And.Contain("no connection could be made"));
        Assert.That(ex.InnerException, Is.InstanceOf<HttpRequestException>());
    }

    [Test]
    public void A_body_broken_off_by_the_transport_is_a_HubTransportException_on_a_model_call()
    {
        using var client = Client(_ => Streamed(HttpStatusCode.OK, new ThrowingStream(new IOException("Connection reset by peer"))));

        var ex = Assert.ThrowsAsync<HubTransportException>(() => client.Jobs.GetJobAsync("j1"));

        Assert.That(ex!.RequestMayHaveReachedTheHub, Is.True);
    }

    [Test]
    public void A_body_not_in_its_declared_encoding_is_a_HubDownloadException_in_a_download_and_leaves_no_file()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "result.json");
        using var client = Client(_ => Streamed(HttpStatusCode.OK, new ThrowingStream(new InvalidDataException("The archive entry was compressed using an unsupported compression method."))));

        var ex = Assert.ThrowsAsync<HubDownloadException>(() => client.DownloadJobResultAsync("j1", path));

        Assert.That(ex!.Message, Does.Contain("Content-Encoding"));
        Assert.That(File.Exists(path), Is.False);
    }

    [Test]
    public void A_body_not_in_its_declared_encoding_is_a_HubTransportException_on_a_model_call()
    {
        using var client = Client(_ => Streamed(HttpStatusCode.OK, new ThrowingStream(new InvalidDataException("bad gzip"))));

        var ex = Assert.ThrowsAsync<HubTransportException>(() => client.Jobs.GetJobAsync("j1"));

        Assert.That(ex!.Message, Does.Contain("Content-Encoding"));
    }

    [Test]
    public async Task A_charset_dotnet_does_not_know_is_read_as_UTF8_instead_of_failing()
    {
        using var client = Client(_ =>
        {
            var response = Streamed(HttpStatusCode.OK, new MemoryStream(Encoding.UTF8.GetBytes(JobJson)));
            response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=x-no-such-charset");
            return response;
        });

        var job = await client.Jobs.GetJobAsync("j1");

        Assert.That(job.Id, Is.EqualTo("j1"));
    }

    [TestCase("""{"backend_id":"aws.sim.sv1","input":{"type":{"nested":true},"value":"OPENQASM 3;"}}""", TestName = "Discriminator_object")]
    [TestCase("""{"backend_id":"aws.sim.sv1","input":{"type":["AWS_SIM_SV1"],"value":"OPENQASM 3;"}}""", TestName = "Discriminator_array")]
    [TestCase("""{"backend_id":"aws.sim.sv1","input":{"type":123456789012345678901234567890,"value":"OPENQASM 3;"}}""", TestName = "Discriminator_huge_number")]
    public void A_union_discriminator_of_the_wrong_type_is_a_JSON_error_not_an_InvalidCastException(string json)
    {
        var ex = Assert.Catch(() => JsonConvert.DeserializeObject<CreateJobRequest>(json));

        Assert.That(ex, Is.InstanceOf<JsonException>(), "the generated clients turn a JsonException into their ApiException, which the facade maps to HubResponseFormatException");
    }

    [Test]
    public void A_union_read_without_a_discriminator_serializes_back_as_it_came()
    {
        var request = JsonConvert.DeserializeObject<CreateJobRequest>("""{"backend_id":"aws.sim.sv1","input":{"value":"OPENQASM 3;"}}""")!;

        var written = JsonConvert.SerializeObject(request);

        Assert.That(written, Does.Contain("OPENQASM 3;"));
    }

    [Test]
    public async Task RunJobAsync_reads_the_counts_without_keeping_the_large_members_of_the_result()
    {
        var result = $$"""{"counts":{"00":52,"11":48},"shots":100,"measurements":[{{string.Join(",", Enumerable.Repeat("[0,0]", 5000))}}],"note":"ok"}""";
        using var client = Client(request => request.RequestUri!.AbsolutePath switch
        {
            "/quantum/backends/aws.sim.sv1" => Hub.OnlineBackend(request),
            "/quantum/jobs" => StubHandler.Json(HttpStatusCode.Created, JobJson),
            "/quantum/jobs/j1/status" => StubHandler.Json(HttpStatusCode.OK, """{"id":"j1","status":"COMPLETED"}"""),
            "/quantum/jobs/j1" => StubHandler.Json(HttpStatusCode.OK, JobJson),
            "/quantum/jobs/j1/result-stream" => Streamed(HttpStatusCode.OK, new MemoryStream(Encoding.UTF8.GetBytes(result))),
            var other => throw new InvalidOperationException(other),
        });

        var run = await client.RunJobAsync(Bell());

        Assert.That(run.Counts, Is.EquivalentTo(new Dictionary<string, long> { ["00"] = 52, ["11"] = 48 }));
        Assert.That(run.OmittedMembers, Is.EqualTo(new[] { "measurements" }));
        Assert.That(run.Raw["measurements"], Is.Null);
        Assert.That((string?)run.Raw["note"], Is.EqualTo("ok"));
    }

    private static CreateJobRequest Bell() => new()
    {
        BackendId = "aws.sim.sv1",
        Shots = 100,
        Input = new AwsSimSv1JobInput { Value = "OPENQASM 3; qubit[2] q; h q[0]; cx q[0], q[1];" },
    };

    private static void AssertNoCanary(HubException ex)
    {
        var api = ex as HubApiException;
        var everything = string.Join("\n", ex.Message, ex.ToString(), api?.RawBody, api?.ErrorMessage, api?.Body?.ToString(),
            string.Join(",", api?.Headers.SelectMany(h => h.Value) ?? []), ex.InnerException?.Message);
        Assert.That(everything, Does.Not.Contain(Canary.Token));
    }

    private static HttpResponseMessage Streamed(HttpStatusCode status, Stream body)
    {
        var content = new StreamContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return new HttpResponseMessage(status) { Content = content };
    }

    private static HubQuantumClient Client(Func<HttpRequestMessage, HttpResponseMessage> respond, TimeProvider? time = null, TimeSpan? timeout = null)
    {
        // The redactor learns the token when the pipeline sends it: nothing is primed here, so the tests see the real path.
        return new HubQuantumClient(new HubQuantumClientOptions
        {
            ApiKey = Canary.Token,
            BaseUrl = new Uri(Hub.QuantumBase),
            HttpMessageHandler = new StubHandler(respond),
            MaxRetries = 0,
            TimeProvider = time ?? TimeProvider.System,
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
            Waiting = new KipuHub.Waiting.WaitOptions { MinInterval = TimeSpan.Zero, MaxInterval = TimeSpan.FromMilliseconds(1) },
        });
    }

    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class ThrowingStream(Exception failure) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromException<int>(failure);

        public override int Read(byte[] buffer, int offset, int count) => throw failure;

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
