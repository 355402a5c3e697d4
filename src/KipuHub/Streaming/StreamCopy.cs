using System.Buffers;
using KipuHub.Diagnostics;

namespace KipuHub.Streaming;

/// <summary>
/// The one download loop of the SDK (job results, service result files, data pool files): constant memory (one pooled
/// buffer), byte progress, and a broken-off or short body turned into <see cref="HubDownloadException"/>.
/// </summary>
internal static class StreamCopy
{
    /// <summary>The buffer size used for downloads (the same as <see cref="Stream.CopyToAsync(Stream)"/>'s default).</summary>
    public const int BufferSize = 81920;

    /// <summary>What to tell the caller when a download into its own stream fails.</summary>
    public const string PartialDataAdvice = "The destination holds partial data; discard it and download again.";

    /// <summary>Copies a response body to <paramref name="destination"/>.</summary>
    /// <param name="source">The response body.</param>
    /// <param name="expected">Content-Length, if known; a different byte count fails the download.</param>
    /// <param name="destination">Where the bytes go.</param>
    /// <param name="what">What is downloaded, for messages (e.g. "the result of job 'j1'").</param>
    /// <param name="advice">What the caller should do after a failure (it depends on where the bytes went).</param>
    /// <param name="progress">Receives the running byte count, synchronously on the copying thread.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    /// <returns>Bytes copied.</returns>
    public static async Task<long> DownloadAsync(Stream source, long? expected, Stream destination, string what, string advice, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long total = 0;
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                total += read;
                progress?.Report(total);
            }
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or HubTransportException && !cancellationToken.IsCancellationRequested)
        {
            // The guarded body stream reports a broken connection as HubTransportException; the download keeps .NET's own cause.
            var cause = ex is HubTransportException { InnerException: { } inner } ? inner : ex;
            throw new HubDownloadException($"The download of {what} was cut off after {total} bytes{Of(expected)}: {ex.Message} {advice}", total, expected, cause);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (expected is { } length && total != length)
        {
            throw new HubDownloadException($"The download of {what} ended after {total} of {length} bytes. {advice}", total, expected);
        }

        HubDiagnostics.BytesDownloaded.Add(total);
        return total;
    }

    /// <summary>The length a download must reach: Content-Length from a generated <c>{Api}FileResponse</c>'s headers (that dictionary is case-sensitive; HTTP is not).</summary>
    /// <param name="headers">The response headers.</param>
    /// <exception cref="HubDownloadException">The body is compressed (<c>Content-Encoding</c>) although the SDK did not ask for it.</exception>
    /// <remarks>
    /// Downloads do not negotiate compression, so Content-Length counts the bytes of the file itself and stays the
    /// completeness check. A body the server compressed anyway could end at a gzip member boundary and still look
    /// whole, so it is refused before a byte is written.
    /// </remarks>
    public static long? ExpectedLength(IReadOnlyDictionary<string, IEnumerable<string>> headers)
    {
        foreach (var (name, values) in headers)
        {
            if (string.Equals(name, "Content-Encoding", StringComparison.OrdinalIgnoreCase)
                && values.Any(v => !string.IsNullOrWhiteSpace(v) && !v.Trim().Equals("identity", StringComparison.OrdinalIgnoreCase)))
            {
                throw new HubDownloadException(
                    "The server compressed the download (Content-Encoding) although the SDK did not ask for it, so its completeness cannot be checked; nothing was saved. " +
                    "A proxy may be compressing responses: exempt the Hub's downloads from it, or try again.", 0, null);
            }
        }

        foreach (var (name, values) in headers)
        {
            if (string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase)
                && long.TryParse(values.FirstOrDefault(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length))
            {
                return length;
            }
        }
        return null;
    }

    private static string Of(long? expected) => expected is { } e ? $" of {e}" : string.Empty;
}
