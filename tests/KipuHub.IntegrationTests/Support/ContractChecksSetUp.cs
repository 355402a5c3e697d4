using KipuHub.Contract;

namespace KipuHub.IntegrationTests;

/// <summary>Validates every emulator exchange of this project (what the SDK sends, what the emulator answers) against specs/.</summary>
[SetUpFixture]
public sealed class ContractChecksSetUp : ContractCheckRun
{
}
