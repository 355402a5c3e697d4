using KipuHub.Emulator.Quantum;

namespace KipuHub.Emulator.Service;

/// <summary>
/// The <c>bell-sampler</c> demo service: submits a Bell circuit as a Quantum job on behalf of the execution (in the
/// default user's personal context, tagged with the execution id). Input: <c>{"shots": 1000, "backend_id": "aws.sim.sv1"}</c>, both optional.
/// </summary>
internal static class BellSampler
{
    private const string BellQasm = "OPENQASM 3;\nqubit[2] q;\nbit[2] c;\nh q[0];\ncnot q[0], q[1];\nc = measure q;\n";

    public static JobRecord Submit(HubRuntime hub, ServiceExecutionRecord execution, JToken input)
    {
        var options = input as JObject ?? (input.Type == JTokenType.Null ? new JObject() : throw HttpProblemException.BadRequest("The bell-sampler input must be an object such as {\"shots\": 1000, \"backend_id\": \"aws.sim.sv1\"}."));
        var backendId = options["backend_id"]?.Value<string>() ?? "aws.sim.sv1";
        var shots = options["shots"] ?? 1000;
        if (shots.Type != JTokenType.Integer)
        {
            throw HttpProblemException.BadRequest("input.shots must be an integer.");
        }

        var backend = hub.Catalog.Find(backendId);
        var body = new JObject
        {
            ["backend_id"] = backendId,
            ["shots"] = shots,
            ["name"] = $"bell-sampler {execution.Id}",
            ["tags"] = new JArray("service:bell-sampler"),
            ["input"] = backend?.InputType == JobSubmission.IonqInputType ? IonqBell() : new JObject { ["type"] = backend?.InputType, ["value"] = BellQasm },
        };
        if (execution.ForcedFailure is { } failure)
        {
            body["input_params"] = new JObject { ["emulator_fail"] = failure };
        }

        try
        {
            return JobSubmission.Submit(hub, body, hub.ServiceOwnerKey, execution.Id);
        }
        catch (HttpProblemException ex)
        {
            // The service rejects its input before it starts: to the gateway client that is a bad request.
            throw HttpProblemException.BadRequest($"bell-sampler cannot run this input: {ex.Message}");
        }
    }

    private static JObject IonqBell() => new()
    {
        ["type"] = JobSubmission.IonqInputType,
        ["qubits"] = 2,
        ["circuit"] = new JArray(
            new JObject { ["type"] = "h", ["targets"] = new JArray(0) },
            new JObject { ["type"] = "cnot", ["controls"] = new JArray(0), ["targets"] = new JArray(1) }),
    };
}
