using KipuHub.Generated.Quantum;

namespace KipuHub.Emulator.Quantum;

/// <summary>
/// One backend of the emulated catalog. <see cref="InputType"/> is the job-input variant (the <c>type</c> of
/// <c>JobInput</c>) the emulator executes on it; null means the backend is listed but the emulator cannot run its jobs.
/// </summary>
internal sealed record BackendDefinition
{
    public required string Id { get; init; }
    public required BackendProvider Provider { get; init; }
    public required BackendHardwareProvider HardwareProvider { get; init; }
    public required string DisplayName { get; init; }
    public required BackendType Type { get; init; }
    public required BackendTechnology Technology { get; init; }
    public required BackendStatus Status { get; init; }
    public required int QubitCount { get; init; }
    public required int MinShots { get; init; }
    public required int MaxShots { get; init; }
    public required JobInputFormat[] InputFormats { get; init; }
    public string? InputType { get; init; }
    public OutputFormat? OutputFormat { get; init; }
    public bool SupportsSessions { get; init; }
    public int QueueSize { get; init; }
    public int QueueAverageSeconds { get; init; }
    public bool HasCalibration { get; init; }
    public bool FreeOfCharge { get; init; }
    public bool UsableWithHubSdk { get; init; } = true;
    public string[] NativeGates { get; init; } = [];
    public string Description { get; init; } = string.Empty;
    public string Location { get; init; } = string.Empty;
    public Cost[] Costs { get; init; } = [];
    public Connectivity? Connectivity { get; init; }
    public PhotonicProperties? Photonic { get; init; }

    /// <summary>The daily window (UTC, both ends inclusive) in which the backend accepts jobs; null means all day.</summary>
    public DailyWindow? Window { get; init; }

    /// <summary>The provider's own configuration payload served by <c>GET /backends/{id}/config</c> instead of the Hub's <c>configuration</c>; a fresh object per call.</summary>
    public Func<JObject>? ProviderConfig { get; init; }

    /// <summary>A backend accepts new jobs unless it is OFFLINE or RETIRED (a PAUSED one queues them).</summary>
    public bool AcceptsJobs => Status != BackendStatus.Offline && Status != BackendStatus.Retired;

    /// <summary>Jobs on a PAUSED backend stay PENDING until it resumes.</summary>
    public bool IsPaused => Status == BackendStatus.Paused;

    public JobProvider JobProvider => new(Provider.ToString());
}
