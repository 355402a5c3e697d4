using KipuHub.Emulator;
using KipuHub.Generated.Quantum;

namespace KipuHub.IntegrationTests;

/// <summary>The README's quickstart, as written (with the emulator lines the README gives for running it locally).</summary>
[TestFixture]
public class ReadmeQuickstartTests
{
    [Test]
    public async Task The_readme_quickstart_runs()
    {
        await using var hub = await KipuHubEmulator.StartAsync();
        using var client = new HubQuantumClient(new HubQuantumClientOptions { BaseUrl = hub.QuantumBaseUrl, ApiKey = hub.AccessToken });

        var run = await client.RunJobAsync(new CreateJobRequest
        {
            BackendId = "azure.ionq.simulator",
            Shots = 1000,
            Input = new AzureIonqSimulatorJobInput
            {
                Gateset = "qis",
                Qubits = 2,
                Circuit = [new IonqCircuitItem { Type = IonqGate.H, Targets = [0] }, new IonqCircuitItem { Type = IonqGate.Cnot, Targets = [1], Controls = [0] }],
            },
        });

        Assert.That(run.Counts.Keys, Is.SubsetOf(new[] { "00", "11" }));
        Assert.That(run.Counts.Values.Sum(), Is.EqualTo(1000));
    }
}
