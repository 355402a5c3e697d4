namespace KipuHub.Internal;

/// <summary>
/// Remembers the tokens a client sent so that server text quoting them (an error body such as "token abc... is
/// invalid") can be scrubbed before it becomes part of an exception or a log line.
/// </summary>
/// <remarks>
/// The clients share one instance, <see cref="Shared"/>: a token sent by any client of the process is scrubbed from
/// the errors of every client, so a pipeline built in one place (<c>AddKipuHub</c>'s handlers) and a client built in
/// another need no wiring to agree. The auth handlers call <see cref="Remember"/>, the error mapper <see cref="Redact(string)"/>.
/// </remarks>
internal sealed class TokenRedactor
{
    /// <summary>Gets the redactor of every client pipeline in the process.</summary>
    public static TokenRedactor Shared { get; } = new();

    /// <summary>What a token is replaced with.</summary>
    public const string Mask = "***";

    // Short strings would scrub ordinary words; real tokens are long.
    private const int MinimumLength = 6;

    // Tokens rotate (OAuth2 refresh) and a process may hold a few clients; the last 32 catch an echo of any token still in flight.
    private const int Capacity = 32;

    private readonly object _gate = new();
    private string[] _tokens = [];

    /// <summary>Adds a token to the set to scrub.</summary>
    public void Remember(string? token)
    {
        if (token is null || token.Length < MinimumLength)
        {
            return;
        }

        var current = Volatile.Read(ref _tokens);
        if (Array.IndexOf(current, token) >= 0)
        {
            return;
        }

        lock (_gate)
        {
            Volatile.Write(ref _tokens, [token, .. _tokens.Where(t => t != token).Take(Capacity - 1)]);
        }
    }

    /// <summary>Returns <paramref name="text"/> with every remembered token replaced by <see cref="Mask"/>.</summary>
    public string Redact(string text)
    {
        foreach (var token in Volatile.Read(ref _tokens))
        {
            text = text.Replace(token, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Null-tolerant <see cref="Redact(string)"/>.</summary>
    public string? RedactOrNull(string? text) => text is null ? null : Redact(text);
}
