using System.Net;
using System.Net.Sockets;
// An alias: the sample app's Program, in the global namespace, would win over an imported one.
using ToolProgram = KipuHub.Emulator.Tool.Program;

namespace KipuHub.Extensions.DependencyInjection.Tests.EmulatorTool;

/// <summary><c>kipuhub-emulator</c>'s entry point: start-up failures a user can fix are one line and a non-zero exit code.</summary>
[TestFixture]
public class ToolRunTests
{
    [Test]
    public async Task TakenPort_IsOneLineNamingThePortAndTheOption_WithANonZeroExitCode()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await ToolProgram.RunAsync(["--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], output, error, CancellationToken.None);

        Assert.That(exitCode, Is.EqualTo(ToolProgram.CannotListen).And.Not.Zero);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), error.ToString());
        Assert.That(lines[0], Does.Contain($"port {port}").And.Contain("--port"));
        Assert.That(output.ToString(), Is.Empty, "no banner for an emulator that is not listening");
    }

    [Test]
    public async Task FreePort_PrintsTheBanner_AndStopsWithExitCodeZero()
    {
        using var stop = new CancellationTokenSource();
        using var output = new StopAtLine("Press Ctrl+C to stop.", stop);
        using var error = new StringWriter();

        var exitCode = await ToolProgram.RunAsync(["--port", "0", "--seed", "3"], output, error, stop.Token);

        Assert.That(exitCode, Is.Zero, error.ToString());
        Assert.That(output.ToString(), Does.Contain("Platform API:").And.Contain("\"PlatformBaseUrl\"").And.EndWith("Stopping the emulator." + Environment.NewLine));
        Assert.That(error.ToString(), Is.Empty);
    }

    [Test]
    public async Task UnknownArgument_IsTheUsageOnStandardError_WithExitCodeTwo()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await ToolProgram.RunAsync(["--prot", "5280"], output, error, CancellationToken.None);

        Assert.That(exitCode, Is.EqualTo(ToolProgram.UsageError));
        Assert.That(error.ToString(), Does.StartWith("Unknown argument '--prot'.").And.Contain("--port N"));
        Assert.That(output.ToString(), Is.Empty);
    }

    /// <summary>Stands for the user pressing Ctrl+C once the banner is out.</summary>
    private sealed class StopAtLine(string line, CancellationTokenSource stop) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value == line)
            {
                stop.Cancel();
            }
        }
    }
}
