using KipuHub.Emulator;

namespace KipuHub.Extensions.DependencyInjection.Tests.Support;

/// <summary>A new emulator for every test (tests that count requests or add fault rules).</summary>
public abstract class FreshEmulatorFixture
{
    /// <summary>This test's emulator.</summary>
    protected KipuHubEmulator Hub { get; private set; } = null!;

    /// <summary>Starts the emulator before each test.</summary>
    [SetUp]
    public async Task StartFreshEmulator() => Hub = await Emulators.StartAsync();

    /// <summary>Stops it after each test.</summary>
    [TearDown]
    public async Task StopFreshEmulator() => await Hub.DisposeAsync();
}
