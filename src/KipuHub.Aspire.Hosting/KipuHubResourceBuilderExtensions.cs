using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Publishing;

namespace Aspire.Hosting;

/// <summary>Adds the Kipu Quantum Hub, or its local emulator, to an Aspire AppHost.</summary>
public static class KipuHubResourceBuilderExtensions
{
    /// <summary>The command of the installed dotnet tool (<c>dotnet tool install -g KipuHub.Emulator.Tool</c>).</summary>
    public const string EmulatorToolCommand = "kipuhub-emulator";

    /// <summary>
    /// Adds the emulator as an executable resource with one HTTP endpoint (a free port) serving the Quantum, Platform
    /// and Service APIs, a generated dev token kept as the secret parameter <c>{name}-token</c>, a health check, and
    /// the emulator's console (its URLs and state) as resource logs. <c>WithReference</c> hands a service the connection
    /// string <c>ConnectionStrings:{name}</c>.
    /// </summary>
    /// <param name="builder">The AppHost builder.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="emulatorAssemblyPath">
    /// The built <c>KipuHub.Emulator.Tool.dll</c> to run with <c>dotnet</c>; <see langword="null"/> runs the installed
    /// <c>kipuhub-emulator</c> tool.
    /// </param>
    /// <returns>The resource builder.</returns>
    public static IResourceBuilder<KipuHubEmulatorResource> AddKipuHubEmulator(
        this IDistributedApplicationBuilder builder, string name, string? emulatorAssemblyPath = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var token = builder.AddParameter($"{name}-token", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: false);
        var command = emulatorAssemblyPath is null ? EmulatorToolCommand : "dotnet";
        var workingDirectory = emulatorAssemblyPath is null ? builder.AppHostDirectory : Path.GetDirectoryName(Path.GetFullPath(emulatorAssemblyPath))!;
        var resource = new KipuHubEmulatorResource(name, command, workingDirectory, token.Resource);
        var emulator = builder.AddResource(resource)
            // The port and the token go in the environment, so the token never shows in the process list or the dashboard's arguments.
            .WithHttpEndpoint(name: KipuHubEmulatorResource.HttpEndpointName, env: "KIPUHUB_EMULATOR_PORT")
            .WithEnvironment("KIPUHUB_EMULATOR_TOKEN", token)
            // Any answer proves the emulator listens; without a token the Quantum API answers 401.
            .WithHttpHealthCheck("/quantum/jobs", statusCode: 401, endpointName: KipuHubEmulatorResource.HttpEndpointName);
        if (emulatorAssemblyPath is not null)
        {
            emulator.WithArgs(Path.GetFullPath(emulatorAssemblyPath));
        }

        return emulator;
    }

    /// <summary>Makes the emulator's measurement sampling reproducible (<c>--seed</c>).</summary>
    /// <param name="builder">The emulator resource.</param>
    /// <param name="seed">The seed: same seed, same counts.</param>
    /// <returns>The resource builder.</returns>
    public static IResourceBuilder<KipuHubEmulatorResource> WithSeed(this IResourceBuilder<KipuHubEmulatorResource> builder, int seed)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithArgs("--seed", seed.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Sets how long each emulated job stays PENDING and then RUNNING (<c>--job-pending-ms</c>, <c>--job-running-ms</c>;
    /// defaults 20 ms and 50 ms), e.g. seconds to watch the states in the dashboard or to test waiting and cancelling.
    /// </summary>
    /// <param name="builder">The emulator resource.</param>
    /// <param name="pending">How long a job waits in the queue (PENDING).</param>
    /// <param name="running">How long it runs (RUNNING) before it completes.</param>
    /// <returns>The resource builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A duration is negative or not a whole number of milliseconds below <see cref="int.MaxValue"/>.</exception>
    public static IResourceBuilder<KipuHubEmulatorResource> WithJobDurations(this IResourceBuilder<KipuHubEmulatorResource> builder, TimeSpan pending, TimeSpan running)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithArgs("--job-pending-ms", Milliseconds(pending, nameof(pending)), "--job-running-ms", Milliseconds(running, nameof(running)));
    }

    /// <summary>
    /// Injects faults into the emulator's responses, one <c>--fault</c> rule each:
    /// <c>KIND METHOD PATH [times=N] [skip=N] [probability=P] [status=NNN] [delay-ms=N] [retry-after-ms=N] [after-bytes=N]</c>,
    /// e.g. <c>"ServerError POST /quantum/jobs times=2"</c> (the next two submissions get 503) or
    /// <c>"Latency * /quantum/** delay-ms=500"</c>. KIND is a <c>KipuHub.Emulator.Faults.FaultKind</c> name
    /// (<c>Latency</c>, <c>LatencyAfterHandling</c>, <c>TooManyRequests</c>, <c>ServerError</c>, <c>ResetConnection</c>,
    /// <c>ResetAfterHandling</c>, <c>TruncateBody</c>, <c>MalformedJson</c>); <c>*</c> as METHOD hits every method; in
    /// PATH <c>*</c> is one segment and <c>**</c> any number. A bad rule stops the emulator with the reason in its log.
    /// </summary>
    /// <param name="builder">The emulator resource.</param>
    /// <param name="rules">The rules, in the order they are tried.</param>
    /// <returns>The resource builder.</returns>
    /// <exception cref="ArgumentException">A rule is blank.</exception>
    public static IResourceBuilder<KipuHubEmulatorResource> WithFaults(this IResourceBuilder<KipuHubEmulatorResource> builder, params string[] rules)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var rule in rules)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(rule, nameof(rules));
            builder.WithArgs("--fault", rule.Trim());
        }

        return builder;
    }

    private static string Milliseconds(TimeSpan duration, string name) =>
        duration >= TimeSpan.Zero && duration.TotalMilliseconds < int.MaxValue && duration.Ticks % TimeSpan.TicksPerMillisecond == 0
            ? ((int)duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)
            : throw new ArgumentOutOfRangeException(name, duration, "A job phase lasts zero or more whole milliseconds.");

    /// <summary>Serves the emulator on a fixed host port (default: a free one), e.g. 5280 to match fixed app settings.</summary>
    /// <param name="builder">The emulator resource.</param>
    /// <param name="port">The host port.</param>
    /// <returns>The resource builder.</returns>
    public static IResourceBuilder<KipuHubEmulatorResource> WithHostPort(this IResourceBuilder<KipuHubEmulatorResource> builder, int port)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithEndpoint(KipuHubEmulatorResource.HttpEndpointName, endpoint => endpoint.Port = port);
    }

    /// <summary>
    /// Adds the real Kipu Quantum Hub: a connection string with its production base URLs and the personal access token
    /// read from the secret parameter <c>{name}-token</c> (user secrets: <c>Parameters:{name}-token</c>). In the publish
    /// manifest it is a <c>value.v0</c> resource whose connection string references that parameter.
    /// </summary>
    /// <param name="builder">The AppHost builder.</param>
    /// <param name="name">The resource name.</param>
    /// <param name="token">The token parameter; <see langword="null"/> adds the secret parameter <c>{name}-token</c>.</param>
    /// <returns>The resource builder.</returns>
    public static IResourceBuilder<KipuHubResource> AddKipuHub(
        this IDistributedApplicationBuilder builder, string name, IResourceBuilder<ParameterResource>? token = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        token ??= builder.AddParameter($"{name}-token", secret: true);
        var hub = new KipuHubResource(name, token.Resource);
        return builder.AddResource(hub).WithManifestPublishingCallback(context => WriteManifest(context, hub));
    }

    /// <summary>
    /// Writes the real Hub as a <c>value.v0</c> resource: its connection string, whose token is the expression of the
    /// secret parameter (<c>{name-token.value}</c>), never its value, so a deployment tool asks for it as a secret.
    /// </summary>
    private static void WriteManifest(ManifestPublishingContext context, KipuHubResource hub)
    {
        context.Writer.WriteString("type", "value.v0");
        context.WriteConnectionString(hub);
    }
}
