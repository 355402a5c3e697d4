using KipuHub.Generated.Quantum;
using KipuHub.Jobs;
using Newtonsoft.Json.Linq;

namespace KipuHub.IntegrationTests;

/// <summary>
/// Preflight against the emulator: each case is one the emulator itself rejects at POST (422), proved by sending it
/// with preflight off; with preflight on the same job fails with the rule's code and nothing is POSTed.
/// </summary>
[TestFixture]
public class PreflightTests : EmulatorFixture
{
    private static IEnumerable<TestCaseData> RejectedJobs()
    {
        yield return Case("offline backend", JobPreflightProblemCode.BackendUnavailable, Qasm("aws.rigetti.ankaa", new AwsRigettiAnkaaJobInput { Value = Bell }, shots: 100));
        yield return Case("retired backend", JobPreflightProblemCode.BackendUnavailable, Qasm("aws.ionq.aria-2", new AwsIonqAria2JobInput { Value = Bell }));
        yield return Case("IonQ qubits", JobPreflightProblemCode.TooManyQubits, Ionq(qubits: 30));
        yield return Case("IonQ target beyond the register", JobPreflightProblemCode.TooManyQubits, Ionq(qubits: 2, target: 29));
        yield return Case("QASM qubit[n]", JobPreflightProblemCode.TooManyQubits, Qasm("aws.iqm.garnet", new AwsIqmGarnetJobInput { Value = "OPENQASM 3.0;\nqubit[21] q;\nbit[1] c;\nh q[20];\nc[0] = measure q[20];" }));
        yield return Case("shots above the range", JobPreflightProblemCode.ShotsOutOfRange, Ionq(qubits: 2, shots: 10_001));
        yield return Case("shots below the range", JobPreflightProblemCode.ShotsOutOfRange, Qasm("aws.sim.sv1", new AwsSimSv1JobInput { Value = Bell }, shots: 0));
        yield return Case("input format", JobPreflightProblemCode.UnsupportedInputFormat, WithFormat(Ionq(qubits: 2), JobInputFormat.BraketOpenQasmV3));
        yield return Case("Perceval photons", JobPreflightProblemCode.PhotonicLimitExceeded, Perceval("|1,1,1,1,1,1,1,0>"));
        yield return Case("Perceval modes", JobPreflightProblemCode.PhotonicLimitExceeded, Perceval("|" + string.Join(",", Enumerable.Repeat("1", 2).Concat(Enumerable.Repeat("0", 24))) + ">"));
        yield return Case("Perceval max_shots", JobPreflightProblemCode.ShotsOutOfRange, Perceval("|1,0,1,0>", maxShots: 2_000_000));
    }

    [TestCaseSource(nameof(RejectedJobs))]
    public void The_emulator_rejects_the_job_when_it_is_sent(JobPreflightProblemCode code, CreateJobRequest request)
    {
        using var client = QuantumClient();

        Assert.ThrowsAsync<UnprocessableEntityException>(() => client.SubmitJobAsync(request), "the case is real: the Hub refuses it at POST");
    }

    [TestCaseSource(nameof(RejectedJobs))]
    public async Task ValidateJobAsync_finds_the_problem_with_a_message_that_names_the_limit(JobPreflightProblemCode code, CreateJobRequest request)
    {
        using var client = QuantumClient();

        var result = await client.ValidateJobAsync(request);

        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Problems.Select(p => p.Code), Does.Contain(code));
        Assert.That(result.Problems.First(p => p.Code == code).Message, Does.Contain(request.BackendId));
    }

    [TestCaseSource(nameof(RejectedJobs))]
    public void A_failed_preflight_sends_nothing(JobPreflightProblemCode code, CreateJobRequest request)
    {
        using var client = Validating();
        var posts = Hub.Requests.CountOf("POST", "/quantum/jobs");

        var ex = Assert.ThrowsAsync<JobPreflightException>(() => client.SubmitJobAsync(request));

        Assert.That(ex!.Problems.Select(p => p.Code), Does.Contain(code));
        Assert.That(ex, Is.InstanceOf<HubException>());
        Assert.That(Hub.Requests.CountOf("POST", "/quantum/jobs"), Is.EqualTo(posts), "no POST after a failed preflight");
    }

    [Test]
    public async Task Valid_jobs_pass_and_run()
    {
        using var client = Validating();

        foreach (var request in new[] { Circuits.Bell(100), Circuits.BellQasm(), Perceval("|1,0,1,0>", maxShots: 100) })
        {
            var result = await client.ValidateJobAsync(request);
            Assert.That(result.Problems, Is.Empty, request.BackendId);
        }

        var run = await client.RunJobAsync(Circuits.Bell(100), Fast);
        Assert.That(run.Job.Status, Is.EqualTo(JobStatus.Completed));
    }

    [Test]
    public async Task One_job_collects_every_problem()
    {
        using var client = QuantumClient();

        var result = await client.ValidateJobAsync(WithFormat(Ionq(qubits: 40, shots: 50_000), JobInputFormat.QiskitQpy));

        Assert.That(result.Problems.Select(p => p.Code), Is.EquivalentTo(new[] { JobPreflightProblemCode.TooManyQubits, JobPreflightProblemCode.ShotsOutOfRange, JobPreflightProblemCode.UnsupportedInputFormat }));
    }

    [Test]
    public async Task A_batch_fetches_the_backend_once_and_rejects_only_the_failing_items_without_posting_them()
    {
        using var client = Validating();
        var gets = Hub.Requests.CountOf("GET", "/quantum/backends/azure.ionq.simulator");
        var posts = Hub.Requests.CountOf("POST", "/quantum/jobs");
        var requests = Enumerable.Range(0, 10).Select(i => i % 2 == 0 ? Ionq(qubits: 2) : Ionq(qubits: 2, shots: 20_000)).ToList();

        var submitted = await client.SubmitJobsAsync(requests, new JobBatchOptions { MaxConcurrency = 1 });

        Assert.That(submitted.Select(s => s.Outcome), Is.EqualTo(Enumerable.Range(0, 10).Select(i => i % 2 == 0 ? JobSubmissionOutcome.Created : JobSubmissionOutcome.Rejected)));
        Assert.That(submitted.Where(s => !s.Succeeded).Select(s => s.Error), Is.All.InstanceOf<JobPreflightException>());
        Assert.That(Hub.Requests.CountOf("POST", "/quantum/jobs") - posts, Is.EqualTo(5));
        Assert.That(Hub.Requests.CountOf("GET", "/quantum/backends/azure.ionq.simulator") - gets, Is.EqualTo(1), "backend record cached");
    }

    private HubQuantumClient Validating() => new(new HubQuantumClientOptions
    {
        ApiKey = Hub.AccessToken,
        BaseUrl = Hub.QuantumBaseUrl,
        ValidateBeforeSubmit = true,
    });

    private const string Bell = "OPENQASM 3.0;\nqubit[2] q;\nbit[2] c;\nh q[0];\ncnot q[0], q[1];\nc = measure q;";

    private static TestCaseData Case(string name, JobPreflightProblemCode code, CreateJobRequest request) =>
        new TestCaseData(code, request).SetArgDisplayNames(name);

    private static CreateJobRequest Ionq(int qubits, int shots = 100, int target = 1) => new()
    {
        BackendId = "azure.ionq.simulator",
        Shots = shots,
        Input = new AzureIonqSimulatorJobInput
        {
            Gateset = "qis",
            Qubits = qubits,
            Circuit = [new IonqCircuitItem { Type = IonqGate.H, Targets = [0] }, new IonqCircuitItem { Type = IonqGate.Cnot, Targets = [target], Controls = [0] }],
        },
    };

    private static CreateJobRequest Qasm(string backend, OpenQasm3JobInput input, int shots = 100) => new() { BackendId = backend, Shots = shots, Input = input };

    private static CreateJobRequest WithFormat(CreateJobRequest request, JobInputFormat format)
    {
        request.InputFormat = format;
        return request;
    }

    private static CreateJobRequest Perceval(string inputState, int? maxShots = null)
    {
        var payload = new JObject { ["command"] = "sample_count", ["input_state"] = inputState };
        if (maxShots is { } max) payload["max_shots"] = max;
        return new CreateJobRequest
        {
            BackendId = "quandela.sim.belenos",
            Shots = 0,
            Input = new QuandelaSimBelenosJobInput { Value = payload },
            InputFormat = JobInputFormat.Perceval,
        };
    }
}
