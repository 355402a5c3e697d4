using KipuHub.Generated.Quantum;

namespace KipuHub.Extensions.DependencyInjection.Tests.Support;

/// <summary>Requests the tests send.</summary>
public static class TestJobs
{
    /// <summary>A two-qubit Bell circuit on the IonQ simulator.</summary>
    public static CreateJobRequest BellJob() => KipuHub.IntegrationTests.Circuits.Bell(shots: 100);
}
