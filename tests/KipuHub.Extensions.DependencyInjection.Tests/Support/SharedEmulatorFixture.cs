using KipuHub.Emulator;

namespace KipuHub.Extensions.DependencyInjection.Tests.Support;

/// <summary>One emulator for all the tests of a fixture (tests that do not depend on a clean request log or fault list).</summary>
public abstract class SharedEmulatorFixture
{
    /// <summary>The fixture's emulator.</summary>
    protected KipuHubEmulator Hub { get; private set; } = null!;

    /// <summary>Starts the emulator before the fixture's first test.</summary>
    [OneTimeSetUp]
    public async Task StartSharedEmulator() => Hub = await Emulators.StartAsync();

    /// <summary>Stops it after the last.</summary>
    [OneTimeTearDown]
    public async Task StopSharedEmulator() => await Hub.DisposeAsync();
}
