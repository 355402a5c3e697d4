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
