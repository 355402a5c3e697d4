using System.Net.Sockets;
using System.Runtime.InteropServices;
using KipuHub.Emulator;
using Microsoft.AspNetCore.Connections;

namespace KipuHub.Emulator.Tool;

/// <summary>The entry point of <c>kipuhub-emulator</c>.</summary>
internal static class Program
{
    /// <summary>The exit code of a bad command line.</summary>
    public const int UsageError = 2;

    /// <summary>The exit code when the emulator cannot listen (port taken, not permitted).</summary>
    public const int CannotListen = 3;

    private static async Task<int> Main(string[] args)
    {
        // Ctrl+C, SIGTERM (docker stop, kill) and SIGQUIT stop the emulator cleanly.
        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var quit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Stop);
        return await RunAsync(args, Console.Out, Console.Error, stop.Token, Environment.GetEnvironmentVariable).ConfigureAwait(false);
    }

    /// <summary>Parses <paramref name="args"/>, runs the emulator until <paramref name="stop"/> is cancelled, returns the exit code.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Standard output: the banner.</param>
    /// <param name="error">Standard error: a start-up failure.</param>
    /// <param name="stop">Stops the emulator.</param>
    /// <param name="getVariable">
    /// Reads <c>KIPUHUB_EMULATOR_PORT</c> and <c>KIPUHUB_EMULATOR_TOKEN</c>, which stand for <c>--port</c> and
    /// <c>--token</c> when the command line has none (an orchestrator hands them over this way, so the token never
    /// shows in the process list); <see langword="null"/> reads no environment.
    /// </param>
    /// <remarks>A start-up failure the user can fix (a taken port) is one line on <paramref name="error"/>, never a stack trace.</remarks>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken stop, Func<string, string?>? getVariable = null)
    {
        ToolArguments arguments;
        try
        {
            arguments = ToolArguments.Parse(args).WithEnvironment(getVariable ?? (_ => null));
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return UsageError;
        }

        if (arguments.Help)
        {
            await output.WriteLineAsync(ToolArguments.Usage).ConfigureAwait(false);
            return 0;
        }

        var options = arguments.ToEmulatorOptions();
        if (arguments.Token is { } token)
        {
            // One token for every API: an app configured from one connection string sends it to the gateway too.
            options.Users.Add(new EmulatorUser("emulator-user", token));
            options.ServiceTokens.Add(token);
        }

        KipuHubEmulator hub;
        try
        {
            hub = await KipuHubEmulator.StartAsync(options, stop).ConfigureAwait(false);
        }
        catch (IOException ex) when (ex.InnerException is AddressInUseException)
        {
            await error.WriteLineAsync($"kipuhub-emulator: port {arguments.Port} is already in use; stop what listens there or pick another port with --port N (--port 0 picks a free one).").ConfigureAwait(false);
            return CannotListen;
        }
        catch (IOException ex) when (ex.InnerException is SocketException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"kipuhub-emulator: cannot listen on port {arguments.Port} ({ex.InnerException.Message}); pick another port with --port N.").ConfigureAwait(false);
            return CannotListen;
        }

        await using (hub.ConfigureAwait(false))
        {
            StartupBanner.Write(output, hub, arguments.TokenSource);
            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            await WaitAsync(stop).ConfigureAwait(false);
            await output.WriteLineAsync("Stopping the emulator.").ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task WaitAsync(CancellationToken stop)
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping is the normal way out.
        }
    }
}
