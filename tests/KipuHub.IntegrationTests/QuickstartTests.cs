using KipuHub.Tests.Support;
using KipuHub.Generated.Quantum;
using Newtonsoft.Json.Linq;

namespace KipuHub.IntegrationTests;

/// <summary>sdk-api.md's Quickstart and organization scoping, in C#, end to end against the emulator.</summary>
[TestFixture]
public class QuickstartTests : EmulatorFixture
{
    [Test]
    public async Task The_sdk_api_quickstart_runs_as_written_with_the_raw_namespaces()
    {
        using var client = QuantumClient();

        var job = await client.Jobs.CreateJobAsync(new CreateJobRequest
        {
            BackendId = "azure.ionq.simulator",
            Shots = 1000,
            Input = new AzureIonqSimulatorJobInput
            {
                Circuit = [new IonqCircuitItem { Targets = [0], Type = IonqGate.H }, new IonqCircuitItem { Targets = [1], Controls = [0], Type = IonqGate.Cnot }],
                Gateset = "qis",
                Qubits = 2,
            },
        });

        // The official sleep loop, replaced by the SDK's wait (same statuses, no sleeping in tests).
        var final = await client.WaitForCompletionAsync(job.Id!, Fast);
        Assert.That(final.Status, Is.EqualTo(JobStatus.Completed));

        var result = JObject.FromObject(await client.Jobs.GetJobResultAsync(job.Id!));
        Assert.That(result["counts"]!.Children<JProperty>().Select(p => p.Name), Is.SubsetOf(new[] { "00", "11" }));
        Assert.That(result["counts"]!.Children<JProperty>().Sum(p => (int)p.Value), Is.EqualTo(1000));
    }

    [Test]
    public async Task RunJobAsync_returns_a_Bell_histogram_with_only_00_and_11()
    {
        using var client = QuantumClient();
        var statuses = new List<JobStatus>();

        var run = await client.RunJobAsync(Circuits.Bell(), Fast, new SyncProgress<JobStatus>(statuses.Add));

        Assert.That(run.Job.Status, Is.EqualTo(JobStatus.Completed));
        Assert.That(run.Counts.Keys, Is.SubsetOf(new[] { "00", "11" }));
        Assert.That(run.Counts.Values.Sum(), Is.EqualTo(1000));
        Assert.That(run.Counts["00"], Is.InRange(400, 600));
        Assert.That(run.Probabilities["11"], Is.EqualTo(0.5).Within(1e-9), "IonQ histogram gives exact probabilities");
        Assert.That(statuses[^1], Is.EqualTo(JobStatus.Completed));
        Assert.That(statuses, Is.Unique);
    }

    [Test]
    public void RunJobAsync_throws_JobFailedException_with_the_error_detail()
    {
        using var client = QuantumClient();
        var ex = Assert.ThrowsAsync<JobFailedException>(() => client.RunJobAsync(Circuits.Bell(inputParams: new() { ["emulator_fail"] = "calibration drift on q1" }), Fast));
        Assert.That(ex!.Status, Is.EqualTo(JobStatus.Failed));
        Assert.That(ex.Message, Does.Contain("calibration drift on q1"));
        Assert.That(ex.ErrorData, Is.Not.Null);
    }

    [Test]
    public async Task An_organization_scoped_client_cannot_read_another_organizations_job()
    {
        using var acme = QuantumClient(Hub.OrganizationIds[1]);
        using var demo = QuantumClient(Hub.OrganizationIds[0]);
        using var personal = QuantumClient();
        var job = await acme.SubmitJobAsync(Circuits.Bell(shots: 10));

        Assert.That((await acme.Jobs.GetJobAsync(job.Id!)).Id, Is.EqualTo(job.Id));
        var ex = Assert.ThrowsAsync<NotFoundException>(() => demo.Jobs.GetJobAsync(job.Id!));
        Assert.That(ex!.StatusCode, Is.EqualTo(404));
        Assert.ThrowsAsync<NotFoundException>(() => personal.Jobs.GetJobStatusAsync(job.Id!));
        Assert.That(ex.Message, Does.Not.Contain(Hub.AccessToken));
    }

    [Test]
    public void A_wrong_token_is_an_UnauthorizedException_that_never_shows_the_token()
    {
        using var client = new HubQuantumClient(new HubQuantumClientOptions { ApiKey = "canary-token-0123456789", BaseUrl = Hub.QuantumBaseUrl });
        var ex = Assert.ThrowsAsync<UnauthorizedException>(() => client.Backends.GetBackendsAsync());
        Assert.That(ex!.ToString(), Does.Not.Contain("canary-token-0123456789"));
    }
}
