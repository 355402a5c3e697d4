using KipuHub.Contract;

namespace KipuHub.Extensions.DependencyInjection.Tests;

/// <summary>
/// Validates every emulator exchange of this project against specs/, including the emulator the WebApi sample starts
/// for itself (the tap reaches every emulator in the process).
/// </summary>
[SetUpFixture]
public sealed class ContractChecksSetUp : ContractCheckRun
{
}
