using System.Text;
using System.Text.RegularExpressions;

namespace KipuHub.Internal;

/// <summary>
/// Remembers the tokens a client sent so that server text quoting them (an error body such as "token abc... is
/// invalid") can be scrubbed before it becomes part of an exception or a log line, in whatever encoding the server
/// echoes them: as sent, JSON-escaped (<c>\u002D</c>, or every character escaped), percent-encoded, or base64.
/// </summary>
/// <remarks>
/// The clients share one instance, <see cref="Shared"/>: a token sent by any client of the process is scrubbed from
/// the errors of every client, so a pipeline built in one place (<c>AddKipuHub</c>'s handlers) and a client built in
/// another need no wiring to agree. The auth handlers call <see cref="Remember"/>, the error mapper <see cref="Redact(string)"/>.
/// </remarks>
internal sealed class TokenRedactor
{
    /// <summary>What a token is replaced with.</summary>
    public const string Mask = "***";

    // Short strings would scrub ordinary words; real tokens are long.
    private const int MinimumLength = 6;

    // Tokens rotate (OAuth2 refresh) and a process may hold a few clients; the last 32 catch an echo of any token still in flight.
    private const int Capacity = 32;

    private readonly object _gate = new();
    private Entry[] _entries = [];

    /// <summary>Gets the redactor of every client pipeline in the process.</summary>
    public static TokenRedactor Shared { get; } = new();

    /// <summary>Adds a token to the set to scrub.</summary>
    public void Remember(string? token)
    {
        if (token is null || token.Length < MinimumLength)
        {
            return;
        }

        var current = Volatile.Read(ref _entries);
        foreach (var entry in current)
        {
            if (entry.Token == token)
            {
                return;
            }
        }

        lock (_gate)
        {
            Volatile.Write(ref _entries, [new Entry(token), .. _entries.Where(e => e.Token != token).Take(Capacity - 1)]);
        }
    }

    /// <summary>Returns <paramref name="text"/> with every remembered token, in any of its encodings, replaced by <see cref="Mask"/>.</summary>
    public string Redact(string text)
    {
        var escaped = text.Contains('\\') || text.Contains('%');
        foreach (var entry in Volatile.Read(ref _entries))
        {
            text = text.Replace(entry.Token, Mask, StringComparison.Ordinal);
            foreach (var encoded in entry.Base64)
            {
                text = text.Replace(encoded, Mask, StringComparison.Ordinal);
            }

            if (escaped)
            {
                text = entry.Escaped.Replace(text, Mask);
            }
        }

        return text;
    }

    /// <summary>Null-tolerant <see cref="Redact(string)"/>.</summary>
    public string? RedactOrNull(string? text) => text is null ? null : Redact(text);

    /// <summary>A token and the encoded forms it may come back in.</summary>
    private sealed class Entry
    {
        public Entry(string token)
        {
            Token = token;
            var bytes = Encoding.UTF8.GetBytes(token);
            var base64 = Convert.ToBase64String(bytes);
            Base64 = [base64, base64.TrimEnd('='), base64.TrimEnd('=').Replace('+', '-').Replace('/', '_')];

            // Each character as itself, as a JSON \uXXXX escape (any case) or as a %XX escape: a server may escape
            // some characters and not others.
            var pattern = new StringBuilder();
            foreach (var c in token)
            {
                var hex = ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
                pattern.Append("(?:").Append(Regex.Escape(c.ToString())).Append(@"|\\u").Append(hex);
                if (c < 0x80)
                {
                    pattern.Append("|%").Append(hex, 2, 2);
                }

                if (c == '/')
                {
                    pattern.Append(@"|\\/");
                }

                pattern.Append(')');
            }

            Escaped = new Regex(pattern.ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }

        public string Token { get; }

        public string[] Base64 { get; }

        public Regex Escaped { get; }
    }
}
