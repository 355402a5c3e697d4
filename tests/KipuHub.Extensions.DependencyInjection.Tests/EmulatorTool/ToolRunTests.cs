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

    [Test]
    public async Task TokenFromTheEnvironment_IsAcceptedOnEveryApi_AndNeverPrinted()
    {
        const string token = "env-token-0123456789abcdefghijklmnop";
        var variables = new Dictionary<string, string?> { ["KIPUHUB_EMULATOR_PORT"] = "0", ["KIPUHUB_EMULATOR_TOKEN"] = token };
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var output = new BannerWriter();
        using var error = new StringWriter();

        var run = ToolProgram.RunAsync([], output, error, stop.Token, name => variables.GetValueOrDefault(name));
        var root = await output.Listening.Task.WaitAsync(stop.Token);
        using var http = new HttpClient { BaseAddress = root };
        using var quantum = new HttpRequestMessage(HttpMethod.Get, "quantum/backends") { Headers = { { "X-Auth-Token", token } } };
        using var quantumResponse = await http.SendAsync(quantum, stop.Token);
        using var gateway = new HttpRequestMessage(HttpMethod.Get, "gateway/kipu-demo/echo/1.0.0/") { Headers = { { "Authorization", $"Bearer {token}" } } };
        using var gatewayResponse = await http.SendAsync(gateway, stop.Token);
        await stop.CancelAsync();

        Assert.That(await run, Is.Zero, error.ToString());
        Assert.That(quantumResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the Quantum API accepts the environment's token");
        Assert.That(gatewayResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the Service gateway accepts the same token");
        Assert.That(output.ToString(), Does.Not.Contain(token).And.Contain("(from KIPUHUB_EMULATOR_TOKEN)"));
    }

    [Test]
    public async Task APortOnTheCommandLine_WinsOverTheEnvironment_ABadPortVariableIsAUsageError()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await ToolProgram.RunAsync([], output, error, CancellationToken.None, name => name == "KIPUHUB_EMULATOR_PORT" ? "eighty" : null);

        Assert.That(exitCode, Is.EqualTo(ToolProgram.UsageError));
        Assert.That(error.ToString(), Does.Contain("KIPUHUB_EMULATOR_PORT needs a whole number"));
        Assert.That(KipuHub.Emulator.Tool.ToolArguments.Parse(["--port", "7"]).WithEnvironment(_ => "9").Port, Is.EqualTo(7));
    }

    [Test]
    public async Task AFaultRuleOnTheCommandLine_HitsTheMatchingRequests()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var output = new BannerWriter();
        using var error = new StringWriter();

        var run = ToolProgram.RunAsync(["--port", "0", "--token", "t-123", "--fault", "ServerError GET /quantum/backends times=1 status=502"], output, error, stop.Token);
        var root = await output.Listening.Task.WaitAsync(stop.Token);
        using var http = new HttpClient { BaseAddress = root };
        http.DefaultRequestHeaders.Add("X-Auth-Token", "t-123");
        using var first = await http.GetAsync(new Uri("quantum/backends", UriKind.Relative), stop.Token);
        using var second = await http.GetAsync(new Uri("quantum/backends", UriKind.Relative), stop.Token);
        await stop.CancelAsync();

        Assert.That(await run, Is.Zero, error.ToString());
        Assert.That((first.StatusCode, second.StatusCode), Is.EqualTo((HttpStatusCode.BadGateway, HttpStatusCode.OK)));
    }

    /// <summary>Reports the emulator's root URL once the whole banner is out.</summary>
    private sealed class BannerWriter : StringWriter
    {
        private const string ListeningOn = "Kipu Hub emulator listening on ";
        private Uri? _root;

        public TaskCompletionSource<Uri> Listening { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.StartsWith(ListeningOn, StringComparison.Ordinal) == true)
            {
                _root = new Uri(value[ListeningOn.Length..]);
            }
            else if (value == "Press Ctrl+C to stop." && _root is not null)
            {
                Listening.TrySetResult(_root);
            }
        }
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
