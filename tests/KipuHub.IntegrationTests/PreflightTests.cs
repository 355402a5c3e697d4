using KipuHub.Emulator;
using KipuHub.Generated.Quantum;
using KipuHub.Jobs;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace KipuHub.IntegrationTests;

/// <summary>
/// Preflight against the emulator: each case is one the emulator itself rejects at POST (422), proved by sending it
/// with preflight off; with preflight on the same job fails with the rule's code and nothing is POSTed. The availability
/// window depends on the time of day, so its cases run on their own emulator with a fake clock the client shares.
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
        yield return Case("native gate the backend does not list", JobPreflightProblemCode.UnsupportedGate, Native(new IonqCircuitItem { Type = IonqGate.Zz, Targets = [0, 1], Angle = 0.25 }));
        yield return Case("QIS gate in a native circuit", JobPreflightProblemCode.UnsupportedGate, Native(NativeGate("gpi2", 0, 0.25), new IonqCircuitItem { Type = IonqGate.Cnot, Targets = [1], Controls = [0] }));
    }

    [TestCaseSource(nameof(RejectedJobs))]
    public void The_emulator_rejects_the_job_when_it_is_sent(JobPreflightProblemCode code, CreateJobRequest request)
    {
        using var client = ClientOf(Hub, TimeProvider.System, validate: false);

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

        foreach (var request in new[] { Circuits.Bell(100), Circuits.BellQasm(), Perceval("|1,0,1,0>", maxShots: 100), NativeBell() })
        {
            var result = await client.ValidateJobAsync(request);
            Assert.That(result.Problems, Is.Empty, request.BackendId);
        }

        var run = await client.RunJobAsync(Circuits.Bell(100), Fast);
        var native = await client.RunJobAsync(NativeBell(), Fast);
        Assert.That(run.Job.Status, Is.EqualTo(JobStatus.Completed));
        Assert.That(native.Job.Status, Is.EqualTo(JobStatus.Completed), "a native circuit with only the listed gates runs");
        Assert.That(native.Counts.Keys, Is.SubsetOf(new[] { "00", "11" }).And.Count.EqualTo(2), "MS(0, 0) entangles like H + CNOT");
    }

    [Test]
    public async Task Preflight_names_the_gate_and_the_listed_ones()
    {
        using var client = Validating();

        var result = await client.ValidateJobAsync(Native(new IonqCircuitItem { Type = IonqGate.Zz, Targets = [0, 1], Angle = 0.25 }));

        Assert.That(result.Problems.Single().Message, Does.Contain("zz").And.Contain("gpi, gpi2, ms").And.Contain("Use those gates or the qis gate set"));
    }

    [Test]
    public async Task Outside_the_availability_window_preflight_says_when_sends_nothing_and_the_emulator_refuses_the_job()
    {
        var (hub, time) = await StartOnClockAsync(new TimeSpan(21, 30, 0));
        await using var _ = hub;
        using var validating = ClientOf(hub, time, validate: true);
        using var unchecked_ = ClientOf(hub, time, validate: false);
        var request = PercevalQpu();

        var result = await validating.ValidateJobAsync(request);
        var posts = hub.Requests.CountOf("POST", "/quantum/jobs");
        var refused = Assert.ThrowsAsync<JobPreflightException>(() => validating.SubmitJobAsync(request));
        var postsAfterPreflight = hub.Requests.CountOf("POST", "/quantum/jobs");
        var rejected = Assert.ThrowsAsync<UnprocessableEntityException>(() => unchecked_.SubmitJobAsync(request));

        var problem = result.Problems.Single();
        Assert.That(problem.Code, Is.EqualTo(JobPreflightProblemCode.OutsideAvailabilityWindow));
        Assert.That(problem.Message, Does.Contain("quandela.qpu.belenos").And.Contain("07:00:00-19:00:00 UTC").And.Contain("21:30 UTC now").And.Contain("Submit within a window"));
        Assert.That(refused!.Problems.Select(p => p.Code), Is.EqualTo(new[] { JobPreflightProblemCode.OutsideAvailabilityWindow }));
        Assert.That(postsAfterPreflight, Is.EqualTo(posts), "no POST after a failed preflight");
        Assert.That(rejected!.Message, Does.Contain("07:00:00-19:00:00 UTC"), "the case is real: the emulator refuses it at POST");
        Assert.That(hub.Requests.CountOf("POST", "/quantum/jobs"), Is.EqualTo(posts + 1));
    }

    [Test]
    public async Task Inside_the_availability_window_the_job_is_valid_and_runs()
    {
        var (hub, time) = await StartOnClockAsync(new TimeSpan(10, 0, 0));
        await using var _ = hub;
        using var client = ClientOf(hub, time, validate: true);

        var result = await client.ValidateJobAsync(PercevalQpu());
        var job = await client.SubmitJobAsync(PercevalQpu());
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.That(result.Problems, Is.Empty);
        Assert.That((await client.Jobs.GetJobAsync(job.Id!)).Status, Is.EqualTo(JobStatus.Completed));
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

    /// <summary>The default client: preflight is on unless turned off.</summary>
    private HubQuantumClient Validating() => QuantumClient();

    /// <summary>An emulator and a client sharing a fake clock at a UTC time of day (jobs finish only when the test advances it).</summary>
    private static async Task<(KipuHubEmulator Hub, FakeTimeProvider Time)> StartOnClockAsync(TimeSpan timeOfDay)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero) + timeOfDay);
        return (await KipuHubEmulator.StartAsync(new KipuHubEmulatorOptions { TimeProvider = time, Seed = 7 }), time);
    }

    private static HubQuantumClient ClientOf(KipuHubEmulator hub, TimeProvider time, bool validate) => new(new HubQuantumClientOptions
    {
        ApiKey = hub.AccessToken,
        BaseUrl = hub.QuantumBaseUrl,
        TimeProvider = time,
        ValidateBeforeSubmit = validate,
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

    private static CreateJobRequest Native(params IonqCircuitItem[] gates) => new()
    {
        BackendId = "azure.ionq.simulator",
        Shots = 100,
        Input = new AzureIonqSimulatorJobInput { Gateset = "native", Qubits = 2, Circuit = gates },
    };

    private static IonqCircuitItem NativeGate(string gate, int target, double phase) => new() { Type = new IonqGate(gate), Targets = [target], Phase = phase };

    /// <summary>IonQ's fully entangling MS(0, 0) takes |00⟩ to (|00⟩ - i|11⟩)/√2, a Bell state; GPI(0) = X on both qubits keeps it one.</summary>
    private static CreateJobRequest NativeBell() => Native(new IonqCircuitItem { Type = IonqGate.Ms, Targets = [0, 1], Phases = [0, 0] }, NativeGate("gpi", 0, 0), NativeGate("gpi", 1, 0));

    private static CreateJobRequest PercevalQpu() => new()
    {
        BackendId = "quandela.qpu.belenos",
        Shots = 10,
        Input = new QuandelaQpuBelenosJobInput { Value = new JObject { ["command"] = "sample_count", ["input_state"] = "|1,0,1,0>" } },
        InputFormat = JobInputFormat.Perceval,
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
