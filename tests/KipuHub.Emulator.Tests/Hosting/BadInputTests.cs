using System.Net.Http.Headers;
using System.Text;
using KipuHub.Emulator.Tests.Support;

namespace KipuHub.Emulator.Tests.Hosting;

/// <summary>Bad requests get 400 (malformed) or 422 (well-formed but impossible) with a JSON reason; never a 500.</summary>
[TestFixture]
public class BadInputTests : EmulatorTestBase
{
    private const string Bell = """{"type":"AZURE_IONQ_SIMULATOR","qubits":2,"circuit":[{"type":"h","targets":[0]},{"type":"cnot","controls":[0],"targets":[1]}]}""";

    public static IEnumerable<TestCaseData> JobBodies()
    {
        TestCaseData Case(string name, string body, int status) => new TestCaseData(body, status).SetName("POST /jobs: " + name + " -> " + status);

        yield return Case("truncated JSON", "{\"backend_id\": \"aws.sim.sv1\",", 400);
        yield return Case("trailing garbage", "{} {}", 400);
        yield return Case("empty body", "", 400);
        yield return Case("an array", "[]", 400);
        yield return Case("a string", "\"job\"", 400);
        yield return Case("no fields", "{}", 400);
        yield return Case("missing shots", $$"""{"backend_id":"azure.ionq.simulator","input":{{Bell}}}""", 400);
        yield return Case("missing input", """{"backend_id":"azure.ionq.simulator","shots":10}""", 400);
        yield return Case("null input", """{"backend_id":"azure.ionq.simulator","shots":10,"input":null}""", 400);
        yield return Case("shots as text", $$"""{"backend_id":"azure.ionq.simulator","shots":"ten","input":{{Bell}}}""", 400);
        yield return Case("fractional shots", $$"""{"backend_id":"azure.ionq.simulator","shots":10.5,"input":{{Bell}}}""", 400);
        yield return Case("numeric backend", $$"""{"backend_id":5,"shots":10,"input":{{Bell}}}""", 400);
        yield return Case("input a number", """{"backend_id":"azure.ionq.simulator","shots":10,"input":42}""", 400);
        yield return Case("input type a number", """{"backend_id":"azure.ionq.simulator","shots":10,"input":{"type":5}}""", 400);
        yield return Case("ionq without circuit", """{"backend_id":"azure.ionq.simulator","shots":10,"input":{"type":"AZURE_IONQ_SIMULATOR","qubits":2}}""", 400);
        yield return Case("ionq without qubits", """{"backend_id":"azure.ionq.simulator","shots":10,"input":{"type":"AZURE_IONQ_SIMULATOR","circuit":[]}}""", 400);
        yield return Case("ionq circuit not an array", """{"backend_id":"azure.ionq.simulator","shots":10,"input":{"type":"AZURE_IONQ_SIMULATOR","qubits":1,"circuit":"h"}}""", 400);
        yield return Case("qasm without value", """{"backend_id":"aws.sim.sv1","shots":10,"input":{"type":"AWS_SIM_SV1"}}""", 400);
        yield return Case("qasm value a number", """{"backend_id":"aws.sim.sv1","shots":10,"input":{"type":"AWS_SIM_SV1","value":3}}""", 400);
        yield return Case("tags not an array", $$"""{"backend_id":"azure.ionq.simulator","shots":10,"tags":"x","input":{{Bell}}}""", 400);
        yield return Case("input_params not an object", $$"""{"backend_id":"azure.ionq.simulator","shots":10,"input_params":5,"input":{{Bell}}}""", 400);
        yield return Case("unknown backend", $$"""{"backend_id":"aws.sim.sv9","shots":10,"input":{{Bell}}}""", 422);
        yield return Case("offline backend", """{"backend_id":"aws.rigetti.ankaa","shots":100,"input":"OPENQASM 3; qubit[1] q; h q[0];"}""", 422);
        yield return Case("retired backend", """{"backend_id":"aws.ionq.aria-2","shots":100,"input":{"type":"AWS_IONQ_ARIA_2","value":"OPENQASM 3; qubit[1] q;"}}""", 422);
        yield return Case("zero shots", $$"""{"backend_id":"azure.ionq.simulator","shots":0,"input":{{Bell}}}""", 422);
        yield return Case("too many shots", $$"""{"backend_id":"azure.ionq.simulator","shots":10001,"input":{{Bell}}}""", 422);
        yield return Case("input for another backend", """{"backend_id":"azure.ionq.simulator","shots":10,"input":{"type":"AWS_SIM_SV1","value":"OPENQASM 3; qubit[1] q;"}}""", 422);
        yield return Case("unknown input type", """{"backend_id":"aws.sim.sv1","shots":10,"input":{"type":"CIRQ_JSON","value":"{}"}}""", 422);
        yield return Case("backend the emulator does not run", """{"backend_id":"ibm.qpu.aachen","shots":10,"input":{"type":"AWS_SIM_SV1","value":"OPENQASM 3; qubit[1] q;"}}""", 422);
        yield return Case("unsupported input_format", """{"backend_id":"aws.sim.sv1","shots":10,"input_format":"QISKIT","input":"OPENQASM 3; qubit[1] q;"}""", 422);
        yield return Case("negative result size", $$"""{"backend_id":"azure.ionq.simulator","shots":10,"input_params":{"emulator_result_bytes":-1},"input":{{Bell}}}""", 422);
        yield return Case("qubit out of range", """{"backend_id":"azure.ionq.simulator","shots":10,"input":{"type":"AZURE_IONQ_SIMULATOR","qubits":1,"circuit":[{"type":"x","targets":[3]}]}}""", 422);
        yield return Case("unknown gate", """{"backend_id":"azure.ionq.simulator","shots":10,"input":{"type":"AZURE_IONQ_SIMULATOR","qubits":1,"circuit":[{"type":"foo","targets":[0]}]}}""", 422);
        yield return Case("gate without type", """{"backend_id":"azure.ionq.simulator","shots":10,"input":{"type":"AZURE_IONQ_SIMULATOR","qubits":1,"circuit":[{"targets":[0]}]}}""", 422);
        yield return Case("gate without targets", """{"backend_id":"azure.ionq.simulator","shots":10,"input":{"type":"AZURE_IONQ_SIMULATOR","qubits":1,"circuit":[{"type":"h"}]}}""", 422);
        yield return Case("rotation missing", """{"backend_id":"azure.ionq.simulator","shots":10,"input":{"type":"AZURE_IONQ_SIMULATOR","qubits":1,"circuit":[{"type":"rx","targets":[0]}]}}""", 422);
        yield return Case("cnot without controls", """{"backend_id":"azure.ionq.simulator","shots":10,"input":{"type":"AZURE_IONQ_SIMULATOR","qubits":2,"circuit":[{"type":"cnot","targets":[1]}]}}""", 422);
        yield return Case("unknown gateset", """{"backend_id":"azure.ionq.simulator","shots":10,"input":{"type":"AZURE_IONQ_SIMULATOR","gateset":"pulse","qubits":1,"circuit":[]}}""", 422);
        yield return Case("QIS gate in a native circuit", """{"backend_id":"azure.ionq.simulator","shots":10,"input":{"type":"AZURE_IONQ_SIMULATOR","gateset":"native","qubits":1,"circuit":[{"type":"h","targets":[0]}]}}""", 422);
        yield return Case("native zz on an ms backend", """{"backend_id":"azure.ionq.simulator","shots":10,"input":{"type":"AZURE_IONQ_SIMULATOR","gateset":"native","qubits":2,"circuit":[{"type":"zz","angle":0.25,"targets":[0,1]}]}}""", 422);
        yield return Case("native gpi without phase", """{"backend_id":"azure.ionq.simulator","shots":10,"input":{"type":"AZURE_IONQ_SIMULATOR","gateset":"native","qubits":1,"circuit":[{"type":"gpi","targets":[0]}]}}""", 422);
        yield return Case("native ms with one phase", """{"backend_id":"azure.ionq.simulator","shots":10,"input":{"type":"AZURE_IONQ_SIMULATOR","gateset":"native","qubits":2,"circuit":[{"type":"ms","phases":[0],"targets":[0,1]}]}}""", 422);
        yield return Case("controlled native gate", """{"backend_id":"azure.ionq.simulator","shots":10,"input":{"type":"AZURE_IONQ_SIMULATOR","gateset":"native","qubits":2,"circuit":[{"type":"gpi","phase":0,"targets":[1],"controls":[0]}]}}""", 422);
        yield return Case("more qubits than the backend", """{"backend_id":"azure.ionq.simulator","shots":10,"input":{"type":"AZURE_IONQ_SIMULATOR","qubits":40,"circuit":[]}}""", 422);
        yield return Case("malformed qasm", """{"backend_id":"aws.sim.sv1","shots":10,"input":"OPENQASM 3; qubit[1] q; h q[0]"}""", 422);
    }

    public static IEnumerable<TestCaseData> OtherRequests()
    {
        TestCaseData Case(string method, string path, string? body, int status) => new TestCaseData(method, path, body, status).SetName($"{method} {path} {body} -> {status}");

        yield return Case("POST", "sessions", "{", 400);
        yield return Case("POST", "sessions", "{}", 400);
        yield return Case("POST", "sessions", """{"backend_id":"aws.sim.sv1","mode":"batch","provider":"AWS","ttl":"long"}""", 400);
        yield return Case("POST", "sessions", """{"backend_id":"aws.sim.nope","mode":"batch","provider":"AWS"}""", 422);
        yield return Case("POST", "sessions", """{"backend_id":"aws.sim.sv1","mode":"batch","provider":"AWS","ttl":0}""", 422);
        yield return Case("GET", "jobs?page=abc", null, 400);
        yield return Case("GET", "workloads?size=-3", null, 400);
        yield return Case("GET", "workloads?sort=colour", null, 400);
        yield return Case("GET", "backends?onlyPlanqkSdk=maybe", null, 400);
        yield return Case("GET", "backends/aws.iqm.garnet/calibration?effectiveAt=yesterday", null, 400);
    }

    [TestCaseSource(nameof(JobBodies))]
    public Task Job_submissions(string body, int status) => SendAsync(HttpMethod.Post, "jobs", body, status);

    [TestCaseSource(nameof(OtherRequests))]
    public Task Other_requests(string method, string path, string? body, int status) => SendAsync(new HttpMethod(method), path, body, status);

    [Test]
    public async Task Session_state_updates_need_a_boolean()
    {
        using var http = Hub.CreateQuantumHttpClient();
        using var created = await http.PostAsync("sessions", Json("""{"backend_id":"aws.sim.sv1","mode":"batch","provider":"AWS"}"""));
        var id = Newtonsoft.Json.Linq.JObject.Parse(await created.Content.ReadAsStringAsync()).Value<string>("id");

        await SendAsync(HttpMethod.Patch, $"sessions/{id}", """{"accept_jobs":"yes"}""", 400);
        await SendAsync(HttpMethod.Patch, $"sessions/{id}", "{}", 400);
    }

    [Test]
    public async Task The_gateway_rejects_bodies_that_are_not_json_objects()
    {
        using var http = Hub.CreateServiceHttpClient("echo");
        foreach (var body in new[] { "[1,2]", "{\"input\":", "" })
        {
            using var response = await http.PostAsync(string.Empty, Json(body));
            Assert.That((int)response.StatusCode, Is.EqualTo(400), body);
            Api.ErrorBody(400, await response.Content.ReadAsStringAsync());
        }
    }

    [Test]
    public async Task An_oversized_body_is_a_413_not_a_crash()
    {
        var (hub, _) = await StartAsync(o => o.MaxRequestBodyBytes = 4096);
        await using var _ = hub;
        using var http = hub.CreateQuantumHttpClient();

        using var response = await http.PostAsync("jobs", Json("{\"name\":\"" + new string('x', 10_000) + "\"}"));

        Assert.That((int)response.StatusCode, Is.EqualTo(413));
        Api.ErrorBody(413, await response.Content.ReadAsStringAsync());
    }

    private async Task SendAsync(HttpMethod method, string path, string? body, int status)
    {
        using var http = Hub.CreateQuantumHttpClient();
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : Json(body) };
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.That((int)response.StatusCode, Is.EqualTo(status), text);
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
        var error = Api.ErrorBody(status, text);
        Assert.That(error.Value<string>("message")!.Length, Is.GreaterThan(20), "the message says what to do");
    }

    private static StringContent Json(string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
