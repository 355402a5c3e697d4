using System.Globalization;
using KipuHub.Generated.Quantum;

namespace KipuHub.Emulator.Quantum;

/// <summary>Builds the generated wire models for a backend; a fresh model per response, so no shared state is mutated.</summary>
internal static class BackendModels
{
    /// <summary>The day the emulated catalog was last updated (<c>updated_at</c> is a plain date, see quantum-api.md §5.6).</summary>
    private const string UpdatedAt = "2025-06-01";

    public static Backend ToBackend(BackendDefinition d, int queueSize) => new()
    {
        Id = d.Id,
        InternalId = "emu-" + d.Id.Replace('.', '-'),
        Provider = d.Provider,
        HardwareProvider = d.HardwareProvider,
        Name = d.Id,
        DisplayName = d.DisplayName,
        Type = d.Type,
        Technology = d.Technology,
        Status = d.Status,
        QueueSize = queueSize,
        UpdatedAt = UpdatedAt,
        AccessType = BackendAccessType.PayPerUse,
        Documentation = new Documentation
        {
            Description = d.Description,
            Location = d.Location,
            Url = "https://docs.hub.kipu-quantum.com/",
            Sdks = d.UsableWithHubSdk ? [DocumentationSdk.Planqk, DocumentationSdk.Qiskit] : [DocumentationSdk.Perceval],
        },
        Configuration = ToConfiguration(d),
        Availability = [ToAvailability(d.Window ?? DailyWindow.AllDay)],
        Costs = d.Costs,
        HasCalibration = d.HasCalibration,
        FreeOfCharge = d.FreeOfCharge,
    };

    public static Configuration ToConfiguration(BackendDefinition d) => new()
    {
        Gates = d.NativeGates.Select(g => new Gate { Name = g, NativeGate = true }).ToList(),
        Instructions = d.NativeGates.Append("measure").ToList(),
        Operations = [],
        QubitCount = d.QubitCount,
        Qubits = Enumerable.Range(0, d.QubitCount).Select(i => new Qubit { Id = i.ToString(CultureInfo.InvariantCulture) }).ToList(),
        Connectivity = d.Connectivity ?? new Connectivity { FullyConnected = true },
        ShotsRange = new ShotsRange { Min = d.MinShots, Max = d.MaxShots },
        SupportedInputFormats = d.InputFormats,
        OutputFormat = d.OutputFormat,
        MemoryResultSupported = d.InputType is not null,
        PhotonicProperties = d.Photonic,
    };

    private static AvailabilityTimes ToAvailability(DailyWindow window)
        => new() { Granularity = "daily", Start = window.StartText, End = window.EndText };

    public static BackendStateInfo ToStateInfo(BackendDefinition d, int queueSize) => new()
    {
        Status = d.Status,
        QueueSize = queueSize,
        QueueAvgTime = d.QueueAverageSeconds,
        ProviderTokenValid = true,
    };
}
