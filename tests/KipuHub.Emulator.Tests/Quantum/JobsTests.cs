using KipuHub.Emulator.Tests.Support;
using KipuHub.Generated.Quantum;
using Newtonsoft.Json.Linq;

namespace KipuHub.Emulator.Tests.Quantum;

[TestFixture]
public class JobsTests : EmulatorTestBase
{
    protected override void Configure(KipuHubEmulatorOptions options) => options.FailingBackendIds.Add("aws.sim.dm1");

    [Test]
    public async Task A_job_moves_from_pending_to_running_to_completed_as_time_passes()
    {
        var created = await Jobs.CreateJobAsync(Circuits.IonqBell());
        var createdAt = Time.GetUtcNow();

        Assert.That(created.Status, Is.EqualTo(JobStatus.Pending));
        Assert.That(created.Provider, Is.EqualTo(JobProvider.Azure));
        Assert.That(created.InputFormat, Is.EqualTo(JobInputFormat.IonqCircuitV1));
        Assert.That(created.CreatedAt, Is.EqualTo(createdAt));
        Assert.That(created.StartedAt, Is.Null);

        Advance(20);
        var running = await Jobs.GetJobAsync(created.Id!);
        Assert.That(running.Status, Is.EqualTo(JobStatus.Running));
        Assert.That(running.StartedAt, Is.EqualTo(createdAt.AddMilliseconds(20)));

        Advance(50);
        var done = await Jobs.GetJobAsync(created.Id!);
        Assert.That(done.Status, Is.EqualTo(JobStatus.Completed));
        Assert.That(done.EndedAt, Is.EqualTo(createdAt.AddMilliseconds(70)));
        Assert.That(done.Runtime, Is.EqualTo(50));
        Assert.That((await Jobs.GetJobStatusAsync(created.Id!)).Status, Is.EqualTo(JobStatus.Completed));
    }

    [Test]
    public async Task A_completed_job_has_a_result_a_stream_an_input_and_tags()
    {
        var request = Circuits.QasmBell();
        request.Name = "bell";
        request.Tags = ["t1", "t2"];
        var job = await Jobs.CreateJobAsync(request);
        Advance(LongEnough);

        var result = (JObject)await Jobs.GetJobResultAsync(job.Id!);
        using var stream = await Jobs.GetJobResultStreamAsync(job.Id!);
        var streamed = JObject.Parse(await new StreamReader(stream.Stream).ReadToEndAsync());
        var input = JObject.Parse(await Jobs.GetJobInputAsync(job.Id!));
        var read = await Jobs.GetJobAsync(job.Id!);

        Assert.That(Json.Total(result["counts"]), Is.EqualTo(1000));
        Assert.That(JToken.DeepEquals(result, streamed), Is.True, "result and result-stream carry the same document");
        Assert.That(input.Value<string>("type"), Is.EqualTo("AWS_SIM_SV1"));
        Assert.That(input.Value<string>("value"), Does.Contain("cnot q[0], q[1];"));
        Assert.That(read.Name, Is.EqualTo("bell"));
        Assert.That(read.Tags, Is.EqualTo(new[] { "t1", "t2" }));
        Assert.That(read.ProviderJobId, Does.StartWith("arn:aws:braket:"));
    }

    [Test]
    public async Task A_job_reports_the_calibration_of_its_backend_when_it_started()
    {
        var job = await Jobs.CreateJobAsync(Circuits.QasmBell("aws.iqm.garnet"));
        Advance(LongEnough);

        var calibration = await Jobs.GetJobCalibrationAsync(job.Id!);

        Assert.That(calibration.BackendId, Is.EqualTo("aws.iqm.garnet"));
        Assert.That(calibration.CalibratedAt, Is.LessThanOrEqualTo(Time.GetUtcNow()));
        var onSimulator = await Jobs.CreateJobAsync(Circuits.IonqBell());
        Api.FailsWith(404, () => Jobs.GetJobCalibrationAsync(onSimulator.Id!));
    }

    [Test]
    public async Task Cancelling_moves_a_job_through_cancelling_to_cancelled()
    {
        var job = await Jobs.CreateJobAsync(Circuits.IonqBell());

        await Jobs.CancelJobAsync(job.Id!);
        var cancelling = await Jobs.GetJobAsync(job.Id!);
        await Jobs.CancelJobAsync(job.Id!);
        Advance(LongEnough);
        var cancelled = await Jobs.GetJobAsync(job.Id!);

        Assert.That(cancelling.Status, Is.EqualTo(JobStatus.Cancelling));
        Assert.That(cancelled.Status, Is.EqualTo(JobStatus.Cancelled));
        Assert.That(cancelled.StartedAt, Is.Null, "it was cancelled while pending");
        Assert.That(cancelled.EndedAt, Is.Not.Null);
        Api.FailsWith(422, () => Jobs.GetJobResultAsync(job.Id!));
    }

    [Test]
    public async Task A_finished_job_cannot_be_cancelled_and_an_unfinished_one_has_no_result()
    {
        var job = await Jobs.CreateJobAsync(Circuits.IonqBell());
        var early = Api.FailsWith(422, () => Jobs.GetJobResultAsync(job.Id!));
        Api.FailsWith(422, () => Jobs.GetJobResultStreamAsync(job.Id!));
        Advance(LongEnough);

        var late = Api.FailsWith(422, () => Jobs.CancelJobAsync(job.Id!));

        Assert.That(early.Value<string>("message"), Does.Contain("PENDING"));
        Assert.That(late.Value<string>("message"), Does.Contain("COMPLETED"));
        Assert.That((await Jobs.GetJobAsync(job.Id!)).Status, Is.EqualTo(JobStatus.Completed));
    }

    [Test]
    public async Task Jobs_fail_on_a_failing_backend_on_request_and_beyond_the_simulator_capacity()
    {
        var onFailingBackend = await Jobs.CreateJobAsync(Circuits.QasmBell("aws.sim.dm1"));
        var forced = Circuits.IonqBell();
        forced.InputParams = new JobInputParams { AdditionalProperties = { ["emulator_fail"] = "the fridge warmed up" } };
        var forcedJob = await Jobs.CreateJobAsync(forced);
        var tooBig = await Jobs.CreateJobAsync(Circuits.Qasm("OPENQASM 3; qubit[24] q; h q;"));
        Assert.That(tooBig.Status, Is.EqualTo(JobStatus.Pending), "accepted: the backend has 34 qubits");
        Advance(LongEnough);

        var failed = await Jobs.GetJobAsync(onFailingBackend.Id!);
        var forcedFailed = await Jobs.GetJobAsync(forcedJob.Id!);
        var capacity = await Jobs.GetJobAsync(tooBig.Id!);
        var failureResult = (JObject)await Jobs.GetJobResultAsync(forcedJob.Id!);

        Assert.That(failed.Status, Is.EqualTo(JobStatus.Failed));
        Assert.That(((JObject)failed.ErrorData!).Value<string>("code"), Is.EqualTo("BACKEND_ERROR"));
        Assert.That(forcedFailed.Status, Is.EqualTo(JobStatus.Failed));
        Assert.That(((JObject)forcedFailed.ErrorData!).Value<string>("message"), Is.EqualTo("the fridge warmed up"));
        Assert.That(((JObject)capacity.ErrorData!).Value<string>("code"), Is.EqualTo("SIMULATION_CAPACITY_EXCEEDED"));
        Assert.That(failureResult["error_data"]!.Value<string>("message"), Is.EqualTo("the fridge warmed up"), "a FAILED job answers its result with 200 and its error detail");
        Assert.That(failureResult.Value<string>("status"), Is.EqualTo("FAILED"));
    }

    [Test]
    public async Task Jobs_on_a_paused_backend_stay_pending_until_cancelled()
    {
        var job = await Jobs.CreateJobAsync(Circuits.QasmBell("aws.ionq.forte"));
        Advance(TimeSpan.FromHours(1));

        Assert.That((await Jobs.GetJobStatusAsync(job.Id!)).Status, Is.EqualTo(JobStatus.Pending));
        await Jobs.CancelJobAsync(job.Id!);
        Advance(LongEnough);
        Assert.That((await Jobs.GetJobStatusAsync(job.Id!)).Status, Is.EqualTo(JobStatus.Cancelled));
    }

    [Test]
    public void Unknown_jobs_are_404_everywhere()
    {
        foreach (var call in new AsyncTestDelegate[]
        {
            () => Jobs.GetJobAsync("nope"), () => Jobs.GetJobStatusAsync("nope"), () => Jobs.GetJobResultAsync("nope"),
            () => Jobs.GetJobResultStreamAsync("nope"), () => Jobs.GetJobInputAsync("nope"), () => Jobs.GetJobCalibrationAsync("nope"),
            () => Jobs.CancelJobAsync("nope"),
        })
        {
            Api.FailsWith(404, call);
        }
    }
}
