using KipuHub.Generated.Quantum;
using KipuHub.Jobs;

namespace KipuHub.IntegrationTests;

/// <summary>SelectBackendAsync against the emulator's catalog (with its PAUSED, OFFLINE and RETIRED backends).</summary>
[TestFixture]
public class BackendSelectionTests : EmulatorFixture
{
    [Test]
    public async Task Only_ONLINE_backends_of_the_provider_with_enough_qubits_by_queue()
    {
        using var client = QuantumClient();

        var found = await client.SelectBackendAsync(new BackendSelectionCriteria { Provider = BackendProvider.Aws, MinQubits = 20, InputFormat = JobInputFormat.BraketOpenQasmV3 });

        // aws.rigetti.ankaa (OFFLINE), aws.ionq.aria-2 (RETIRED), aws.ionq.forte (PAUSED) and aws.sim.dm1 (17 qubits) are out.
        Assert.That(found.Select(b => b.Id), Is.EqualTo(new[] { "aws.sim.sv1", "aws.iqm.garnet", "aws.ionq.aria" }));
        Assert.That(found.Select(b => b.QueueSize), Is.Ordered);
    }

    [Test]
    public async Task Free_or_priced()
    {
        using var client = QuantumClient();

        var free = await client.SelectBackendAsync(new BackendSelectionCriteria { FreeOfCharge = true });
        var priced = await client.SelectBackendAsync(new BackendSelectionCriteria { FreeOfCharge = false, Provider = BackendProvider.Azure });

        Assert.That(free.Select(b => b.Id), Is.EqualTo(new[] { "azure.ionq.simulator" }));
        Assert.That(priced, Is.Empty);
    }

    [Test]
    public async Task By_estimated_cost_of_a_job()
    {
        using var client = QuantumClient();
        var job = new CreateJobRequest { BackendId = "any", Shots = 1000, Input = new AwsSimSv1JobInput { Value = "OPENQASM 3.0;\nqubit[2] q;\nh q[0];" } };

        var found = await client.SelectBackendAsync(new BackendSelectionCriteria { Provider = BackendProvider.Aws, InputFormat = JobInputFormat.BraketOpenQasmV3, OrderBy = BackendSelectionOrder.EstimatedCost, Job = job });

        // dm1/sv1 0.075 (a minute assumed, dm1 first by queue then id), garnet 0.30 + 1.45, aria 0.30 + 30.
        Assert.That(found.Select(b => b.Id), Is.EqualTo(new[] { "aws.sim.dm1", "aws.sim.sv1", "aws.iqm.garnet", "aws.ionq.aria" }));
    }

    [Test]
    public void Ordering_by_cost_needs_a_job()
    {
        using var client = QuantumClient();

        Assert.ThrowsAsync<ArgumentException>(() => client.SelectBackendAsync(new BackendSelectionCriteria { OrderBy = BackendSelectionOrder.EstimatedCost }));
    }
}
