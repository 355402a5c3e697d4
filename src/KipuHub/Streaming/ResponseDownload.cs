using KipuHub.Diagnostics;

namespace KipuHub.Streaming;

/// <summary>Shared download steps for every binary response (job results, service result files, data pool files).</summary>
internal static class ResponseDownload
{
    /// <summary>Content-Length from a generated <c>FileResponse</c>'s headers (the dictionary is case-sensitive; HTTP is not).</summary>
    public static long? ContentLength(IReadOnlyDictionary<string, IEnumerable<string>> headers)
    {
        foreach (var (name, values) in headers)
        {
            if (string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase) && long.TryParse(values.FirstOrDefault(), out var length))
                return length;
        }
        return null;
    }

    /// <summary>Copies a response body to a caller's stream, failing loudly if it was cut off.</summary>
    /// <param name="source">The response body.</param>
    /// <param name="expected">Content-Length, if known.</param>
    /// <param name="destination">The caller's stream.</param>
    /// <param name="what">What is downloaded, for messages (e.g. "the result of job 'j1'").</param>
    /// <param name="progress">Receives the byte count so far.</param>
    /// <param name="cancellationToken">Cancels the copy.</param>
    public static async Task<long> CopyAsync(Stream source, long? expected, Stream destination, string what, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        long copied = 0;
        var tracking = new DelegateProgress(n =>
        {
            copied = n;
            progress?.Report(n);
        });
        try
        {
            copied = await StreamCopy.CopyAsync(source, destination, tracking, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw new HubDownloadException($"The download of {what} was cut off after {copied} bytes: {ex.Message} The destination holds partial data; discard it and download again.", copied, expected, ex);
        }
        if (expected is { } length && copied != length)
            throw new HubDownloadException($"The download of {what} ended after {copied} of {length} bytes. Discard the partial data and download again.", copied, expected);
        HubDiagnostics.BytesDownloaded.Add(copied);
        return copied;
    }

    /// <summary>Saves a response body to a file atomically (see <see cref="AtomicFileDownload"/>).</summary>
    public static async Task<long> SaveAsync(Stream source, long? expected, string path, bool overwrite, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var written = await AtomicFileDownload.SaveAsync(source, expected, path, overwrite, progress, cancellationToken).ConfigureAwait(false);
        HubDiagnostics.BytesDownloaded.Add(written);
        return written;
    }

    private sealed class DelegateProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
