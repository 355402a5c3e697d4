using KipuHub.Generated.Quantum;

namespace KipuHub.Emulator.Quantum;

/// <summary>
/// The two Quandela Belenos backends (hub-facts-2026.md Quantum API 1 and 5): a simulator and the photonic QPU, both
/// running Perceval jobs. Their <c>GET /backends/{id}/config</c> is the provider's own payload passed through,
/// <c>{name, status, perfs, specs}</c> without a <c>type</c> field, as Kipu's Perceval provider reads it.
/// </summary>
internal static class QuandelaBackends
{
    public const string SimulatorInputType = "QUANDELA_SIM_BELENOS";
    public const string QpuInputType = "QUANDELA_QPU_BELENOS";

    /// <summary>The Perceval commands the emulator runs (Perceval's <c>probs</c> is listed by the provider but not emulated).</summary>
    public static readonly string[] RunnableCommands = ["sample_count", "samples"];

    private const int MaxModes = 24;
    private const int MaxPhotons = 6;

    /// <summary>The QPU's daily operating window (UTC): it accepts jobs from 07:00:00 to 19:00:00 only, like a QPU that is serviced overnight.</summary>
    public static readonly DailyWindow QpuWindow = new(new TimeSpan(7, 0, 0), new TimeSpan(19, 0, 0));

    public static BackendDefinition Qpu() => Belenos("quandela.qpu.belenos", "Quandela Belenos", BackendType.Qpu, QpuInputType, queue: 2,
        "Photonic QPU, available 07:00-19:00 UTC daily; takes Perceval input (sample_count, samples), which the emulator samples without simulating the optics.") with { Window = QpuWindow };

    public static BackendDefinition Simulator() => Belenos("quandela.sim.belenos", "Quandela Belenos Simulator", BackendType.Simulator, SimulatorInputType, queue: 0,
        "Simulator of the Belenos QPU; takes Perceval input (sample_count, samples), which the emulator samples without simulating the optics.");

    public static bool IsPercevalType(string? inputType) => inputType is SimulatorInputType or QpuInputType;

    private static BackendDefinition Belenos(string id, string name, BackendType type, string inputType, int queue, string description) => new()
    {
        Id = id, Provider = BackendProvider.Quandela, HardwareProvider = BackendHardwareProvider.Quandela,
        DisplayName = name, Type = type, Technology = BackendTechnology.Photonic,
        Status = BackendStatus.Online, QubitCount = 12, MinShots = 1, MaxShots = 1_000_000,
        InputFormats = [JobInputFormat.Perceval], InputType = inputType, UsableWithHubSdk = false,
        QueueSize = queue, QueueAverageSeconds = queue * 45,
        Photonic = new PhotonicProperties { MinModes = 1, MaxModes = MaxModes, MinPhotons = 1, MaxPhotons = MaxPhotons },
        ProviderConfig = () => ProviderConfig(id),
        Description = description, Location = "Massy, France",
    };

    /// <summary>The provider payload of hub-facts-2026.md Quantum API 5; the numbers match <see cref="BackendDefinition.Photonic"/>.</summary>
    private static JObject ProviderConfig(string id) => new()
    {
        ["name"] = id,
        ["status"] = "online",
        ["perfs"] = new JObject(),
        ["specs"] = new JObject
        {
            ["available_commands"] = new JArray("probs", "sample_count", "samples"),
            ["connected_input_modes"] = new JArray(Enumerable.Range(0, MaxModes / 2).Select(i => (object)(2 * i)).ToArray()),
            ["constraints"] = new JObject
            {
                ["max_mode_count"] = MaxModes,
                ["min_mode_count"] = 1,
                ["max_photon_count"] = MaxPhotons,
                ["min_photon_count"] = 1,
            },
            ["detector"] = "threshold",
            ["specific_circuit"] = "emulator: a generic 24-mode interferometer (no serialized circuit)",
        },
    };
}
