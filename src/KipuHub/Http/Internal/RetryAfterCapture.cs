namespace KipuHub.Http.Internal;

/// <summary>
/// Lets a poller read the <c>Retry-After</c> of a successful response that a generated client consumed (generated
/// methods return the model, not the headers). The poller opens a capture around one call; <see cref="ResponseHintsHandler"/>,
/// running in the same async flow, fills it in.
/// </summary>
internal sealed class RetryAfterCapture : IDisposable
{
    private static readonly AsyncLocal<RetryAfterCapture?> CurrentCapture = new();
    private readonly RetryAfterCapture? _previous;

    private RetryAfterCapture()
    {
        _previous = CurrentCapture.Value;
        CurrentCapture.Value = this;
    }

    /// <summary>The capture open in this async flow, if any.</summary>
    public static RetryAfterCapture? Current => CurrentCapture.Value;

    /// <summary>The last response's <c>Retry-After</c>, if it had one.</summary>
    public TimeSpan? RetryAfter { get; set; }

    /// <summary>Opens a capture for the calls made until it is disposed.</summary>
    public static RetryAfterCapture Begin() => new();

    /// <inheritdoc />
    public void Dispose() => CurrentCapture.Value = _previous;
}
