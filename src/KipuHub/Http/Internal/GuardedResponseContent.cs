using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace KipuHub.Http.Internal;

/// <summary>
/// Stands in for a response body that comes off the network, so that reading it can neither hang nor fail untyped:
/// every read must make progress within the read timeout (else <see cref="HubTimeoutException"/>), the caller's token
/// ends a read at once even when the transport ignores it, and a body cut off by the connection or not in the
/// <c>Content-Encoding</c> it declares is a <see cref="HubTransportException"/> (a <see cref="HubDownloadException"/>
/// in the download helpers).
/// </summary>
/// <remarks>
/// The headers are copied from the original content, with one repair: a <c>charset</c> .NET does not know is dropped
/// (the body is then read as UTF-8, as JSON requires) instead of failing every read of it.
/// </remarks>
internal sealed class GuardedResponseContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly BodyReadLimits _limits;

    private GuardedResponseContent(HttpContent inner, BodyReadLimits limits)
    {
        _inner = inner;
        _limits = limits;
        foreach (var header in inner.Headers.NonValidated)
        {
            // A single value as a string: no boxed enumerable of it (several stay separate values, as before).
            if (header.Value.Count == 1)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value.ToString());
            }
            else
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        if (MayNameUnknownCharset(Headers) && Headers.ContentType is { CharSet: { } charset } type && !IsKnownCharset(charset))
        {
            type.CharSet = null;
        }
    }

    /// <summary>Guards <paramref name="response"/>'s body when it comes from a transport (bodies already in memory cannot stall).</summary>
    public static void Guard(HttpResponseMessage response, HttpRequestMessage request, TimeSpan readTimeout, TimeProvider time)
    {
        if (response.Content is null or ByteArrayContent or ReadOnlyMemoryContent or GuardedResponseContent || readTimeout == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return;
        }

        response.Content = new GuardedResponseContent(response.Content, new BodyReadLimits(readTimeout, time, $"{request.Method.Method} {RequestProperties.GetPath(request)} ({(int)response.StatusCode})"));
    }

    /// <inheritdoc />
    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        new GuardedReadStream(await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), _limits);

    /// <inheritdoc />
    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    /// <inheritdoc />
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var body = await CreateContentReadStreamAsync(cancellationToken).ConfigureAwait(false);
        await body.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    /// <inheritdoc />
    protected override bool TryComputeLength(out long length)
    {
        // The copied Content-Length header still answers Headers.ContentLength.
        length = 0;
        return false;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// False when the raw Content-Type cannot name a charset .NET does not know: none given, no <c>charset</c> in it, or
    /// one value ending in <c>charset=utf-8</c> (what Kestrel and most servers send). Then the typed header, whose
    /// parsing costs more than the rest of the guard, is not built here; any other value is parsed and checked as before.
    /// </summary>
    private static bool MayNameUnknownCharset(HttpContentHeaders headers)
    {
        if (!headers.NonValidated.TryGetValues("Content-Type", out var values))
        {
            return false;
        }

        if (values.Count != 1)
        {
            return true;
        }

        var raw = values.ToString().AsSpan();
        var at = raw.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return false;
        }

        return raw.LastIndexOf("charset", StringComparison.OrdinalIgnoreCase) != at
            || !raw.EndsWith("charset=utf-8", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsKnownCharset(string charset)
    {
        var name = charset.Trim('"', ' ');
        if (name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || name.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        try
        {
            _ = Encoding.GetEncoding(name);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
