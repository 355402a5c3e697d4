namespace KipuHub.Emulator.Quantum;

/// <summary>What a cancellation request did.</summary>
internal enum CancelOutcome
{
    /// <summary>The job was PENDING or RUNNING and is now CANCELLING.</summary>
    Accepted,

    /// <summary>The job was already CANCELLING or CANCELLED; nothing changed.</summary>
    AlreadyCancelled,

    /// <summary>The job had already ended (COMPLETED or FAILED) and cannot be cancelled.</summary>
    AlreadyEnded,
}
