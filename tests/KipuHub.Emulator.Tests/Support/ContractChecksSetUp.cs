using KipuHub.Contract;

namespace KipuHub.Emulator.Tests;

/// <summary>
/// Validates every emulator exchange of this project against specs/ and fails the run on a violation; this project
/// must also exercise every operation the emulator implements (Contract/EveryOperationScenarioTests covers the rest).
/// </summary>
[SetUpFixture]
public sealed class ContractChecksSetUp : ContractCheckRun
{
    protected override bool RequireEveryImplementedOperation => true;
}
