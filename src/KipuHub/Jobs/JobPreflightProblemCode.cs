namespace KipuHub.Jobs;

/// <summary>What a preflight check found wrong with a job before it was sent (<see cref="JobPreflightProblem.Code"/>).</summary>
public enum JobPreflightProblemCode
{
    /// <summary>The backend is OFFLINE or RETIRED (or has no status) and accepts no jobs.</summary>
    BackendUnavailable,

    /// <summary>The program uses more qubits than the backend's <c>configuration.qubit_count</c>.</summary>
    TooManyQubits,

    /// <summary>The shots lie outside the backend's <c>configuration.shots_range</c>.</summary>
    ShotsOutOfRange,

    /// <summary>The request's <c>input_format</c> is not in the backend's <c>configuration.supported_input_formats</c>.</summary>
    UnsupportedInputFormat,

    /// <summary>An IonQ circuit in the <c>native</c> gate set uses a gate the backend's <c>configuration.gates</c> does not list.</summary>
    UnsupportedGate,

    /// <summary>Now is outside every daily window of the backend's <c>availability</c>.</summary>
    OutsideAvailabilityWindow,

    /// <summary>A Perceval input state has more or fewer modes or photons than the backend's photonic limits.</summary>
    PhotonicLimitExceeded,
}
