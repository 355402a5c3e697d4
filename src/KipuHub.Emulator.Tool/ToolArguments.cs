using System.Globalization;
using KipuHub.Emulator.Faults;

namespace KipuHub.Emulator.Tool;

/// <summary>
/// The command line of <c>kipuhub-emulator</c>: <c>[--port N] [--seed N] [--token VALUE] [--job-pending-ms N]
/// [--job-running-ms N] [--fault RULE]... [--help]</c>.
/// </summary>
internal sealed record ToolArguments(int Port, int? Seed, string? Token, bool Help)
{
    /// <summary>How long a job stays PENDING (<c>--job-pending-ms</c>); null keeps the emulator's default.</summary>
    public TimeSpan? JobPending { get; init; }

    /// <summary>How long a job stays RUNNING (<c>--job-running-ms</c>); null keeps the emulator's default.</summary>
    public TimeSpan? JobRunning { get; init; }

    /// <summary>The fault rules (<c>--fault</c>, repeatable), in order.</summary>
    public IReadOnlyList<FaultRule> Faults { get; init; } = [];

    /// <summary>The variable an orchestrator hands the port over in (used when there is no <c>--port</c>).</summary>
    public const string PortVariable = "KIPUHUB_EMULATOR_PORT";

    /// <summary>The variable an orchestrator hands the token over in (used when there is no <c>--token</c>), so it never shows in the process list.</summary>
    public const string TokenVariable = "KIPUHUB_EMULATOR_TOKEN";

    // The record's generated ToString() would print the token: it is left out.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Port = {Port}, Seed = {Seed}, Token = {(Token is null ? "none" : "(set)")}, Help = {Help}, TokenSource = {TokenSource}, Faults = {Faults.Count}");
        return true;
    }

    /// <summary>Where <see cref="Token"/> came from.</summary>
    public TokenSource TokenSource { get; init; }

    /// <summary>Whether the command line named <c>--port</c> (the environment's port is then ignored).</summary>
    private bool PortGiven { get; init; }

    /// <summary>The default port, so apps can keep <c>KipuHub:BaseUrl</c> and <c>KipuHub:PlatformBaseUrl</c> fixed in their development settings.</summary>
    public const int DefaultPort = 5280;

    /// <summary>The usage text.</summary>
    public const string Usage = """
        kipuhub-emulator: a local Kipu Quantum Hub for development (Quantum API, Platform API and demo service gateway).

        Usage: kipuhub-emulator [--port N] [--seed N] [--token VALUE] [--job-pending-ms N] [--job-running-ms N] [--fault RULE]...
          --port N            loopback port (default 5280; 0 picks a free one)
          --seed N            seed for measurement sampling and fault probabilities (same seed, same counts)
          --token VALUE       the token to accept on every API, the Service gateway included (default: random
                              ones, printed at start; a given token is never printed)
          --job-pending-ms N  how long a job stays PENDING (default 20)
          --job-running-ms N  how long a job stays RUNNING before it ends (default 50)
          --fault RULE        inject a fault, repeatable: KIND METHOD PATH [times=N] [skip=N] [probability=P]
                              [status=NNN] [delay-ms=N] [retry-after-ms=N] [after-bytes=N], e.g.
                              "ServerError POST /quantum/jobs times=2" ('*' for any method; KIND: Latency,
                              LatencyAfterHandling, TooManyRequests, ServerError, ResetConnection,
                              ResetAfterHandling, TruncateBody, MalformedJson)

        Environment: KIPUHUB_EMULATOR_PORT and KIPUHUB_EMULATOR_TOKEN stand for --port and --token when
        those are not given (the Aspire hosting integration uses them).

        At start it prints the base URLs and configuration (appsettings.json, user secrets, environment
        variables) that points an app's Quantum, Platform and Service clients at it. Stop with Ctrl+C.
        """;

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> with the usage on a bad argument.</summary>
    public static ToolArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new ToolArguments(DefaultPort, null, null, false);
        for (var i = 0; i < args.Count; i++)
        {
            parsed = args[i] switch
            {
                "--help" or "-h" => parsed with { Help = true },
                "--port" => parsed with { Port = Number(args, ++i), PortGiven = true },
                "--seed" => parsed with { Seed = Number(args, ++i) },
                "--token" => parsed with { Token = Value(args, ++i), TokenSource = TokenSource.CommandLine },
                "--job-pending-ms" => parsed with { JobPending = Duration(args, ++i) },
                "--job-running-ms" => parsed with { JobRunning = Duration(args, ++i) },
                "--fault" => parsed with { Faults = [.. parsed.Faults, FaultRuleParser.Parse(Value(args, ++i))] },
                var other => throw new ArgumentException($"Unknown argument '{other}'.\n\n{Usage}"),
            };
        }

        return parsed;
    }

    /// <summary>Fills in the port and the token from the environment where the command line has none.</summary>
    /// <param name="getVariable">Reads an environment variable (<see cref="Environment.GetEnvironmentVariable(string)"/>).</param>
    /// <exception cref="ArgumentException"><see cref="PortVariable"/> is not a whole number.</exception>
    public ToolArguments WithEnvironment(Func<string, string?> getVariable)
    {
        var arguments = this;
        if (!PortGiven && getVariable(PortVariable) is { Length: > 0 } port)
        {
            arguments = arguments with
            {
                Port = int.TryParse(port, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                    ? number
                    : throw new ArgumentException($"{PortVariable} needs a whole number."),
            };
        }

        if (Token is null && getVariable(TokenVariable) is { Length: > 0 } token)
        {
            arguments = arguments with { Token = token, TokenSource = TokenSource.Environment };
        }

        return arguments;
    }

    /// <summary>The emulator's options: port, seed, job durations and faults (the token is added by the caller).</summary>
    public KipuHubEmulatorOptions ToEmulatorOptions()
    {
        var options = new KipuHubEmulatorOptions { Port = Port, Seed = Seed };
        options.JobPendingDuration = JobPending ?? options.JobPendingDuration;
        options.JobRunningDuration = JobRunning ?? options.JobRunningDuration;
        foreach (var fault in Faults)
        {
            options.Faults.Add(fault);
        }

        return options;
    }

    private static TimeSpan Duration(IReadOnlyList<string> args, int index) =>
        Number(args, index) is >= 0 and var ms
            ? TimeSpan.FromMilliseconds(ms)
            : throw new ArgumentException($"'{args[index - 1]}' needs a number of milliseconds, 0 or more.\n\n{Usage}");

    private static string Value(IReadOnlyList<string> args, int index) =>
        index < args.Count ? args[index] : throw new ArgumentException($"'{args[index - 1]}' needs a value.\n\n{Usage}");

    private static int Number(IReadOnlyList<string> args, int index) =>
        int.TryParse(Value(args, index), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"'{args[index - 1]}' needs a whole number.\n\n{Usage}");
}
