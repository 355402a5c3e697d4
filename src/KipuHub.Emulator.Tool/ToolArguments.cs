using System.Globalization;

namespace KipuHub.Emulator.Tool;

/// <summary>The command line of <c>kipuhub-emulator</c>: <c>[--port N] [--seed N] [--token VALUE] [--help]</c>.</summary>
internal sealed record ToolArguments(int Port, int? Seed, string? Token, bool Help)
{
    /// <summary>The default port, so apps can keep <c>KipuHub:BaseUrl</c> and <c>KipuHub:PlatformBaseUrl</c> fixed in their development settings.</summary>
    public const int DefaultPort = 5280;

    /// <summary>The usage text.</summary>
    public const string Usage = """
        kipuhub-emulator: a local Kipu Quantum Hub for development (Quantum API, Platform API and demo service gateway).

        Usage: kipuhub-emulator [--port N] [--seed N] [--token VALUE]
          --port N       loopback port (default 5280; 0 picks a free one)
          --seed N       seed for measurement sampling (same seed, same counts)
          --token VALUE  the personal access token to accept (default: a random one, printed at start)

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
                "--port" => parsed with { Port = Number(args, ++i) },
                "--seed" => parsed with { Seed = Number(args, ++i) },
                "--token" => parsed with { Token = Value(args, ++i) },
                var other => throw new ArgumentException($"Unknown argument '{other}'.\n\n{Usage}"),
            };
        }

        return parsed;
    }

    private static string Value(IReadOnlyList<string> args, int index) =>
        index < args.Count ? args[index] : throw new ArgumentException($"'{args[index - 1]}' needs a value.\n\n{Usage}");

    private static int Number(IReadOnlyList<string> args, int index) =>
        int.TryParse(Value(args, index), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"'{args[index - 1]}' needs a whole number.\n\n{Usage}");
}
