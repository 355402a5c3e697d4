namespace KipuHub.Streaming;

/// <summary>
/// Writes a download to a temporary file beside the destination and moves it into place only when every byte has
/// arrived, so a cut-off download never leaves a file that looks complete.
/// </summary>
internal static class AtomicFileDownload
{
    /// <summary>Copies <paramref name="source"/> to <paramref name="path"/> atomically.</summary>
    /// <param name="source">The response stream.</param>
    /// <param name="expectedLength">Content-Length, when the server sent one; a mismatch fails the download.</param>
    /// <param name="path">Destination file.</param>
    /// <param name="overwrite">Whether an existing file may be replaced.</param>
    /// <param name="progress">Receives the running byte count.</param>
    /// <param name="cancellationToken">Cancels the download (the temporary file is removed).</param>
    /// <returns>Bytes written.</returns>
    public static async Task<long> SaveAsync(Stream source, long? expectedLength, string path, bool overwrite, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(path);
        if (!overwrite && File.Exists(fullPath))
            throw new IOException($"'{fullPath}' already exists. Pass overwrite: true to replace it, or choose another path.");
        var directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N")[..8] + ".partial");
        long written = 0;
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, StreamCopy.BufferSize, FileOptions.Asynchronous))
            {
                written = await StreamCopy.CopyAsync(source, file, Tee(progress, n => written = n), cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            if (expectedLength is { } expected && written != expected)
                throw new HubDownloadException($"The download to '{fullPath}' ended after {written} of {expected} bytes. Nothing was saved; retry the download.", written, expected);
            File.Move(temp, fullPath, overwrite);
            return written;
        }
        catch (Exception ex) when (ex is not HubDownloadException && ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            TryDelete(temp);
            throw new HubDownloadException(
                $"The download to '{fullPath}' was cut off after {written} bytes{(expectedLength is { } e ? $" of {e}" : "")}: {ex.Message} Nothing was saved; retry the download.",
                written, expectedLength, ex);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static IProgress<long> Tee(IProgress<long>? user, Action<long> mine) => new SyncProgress(n =>
    {
        mine(n);
        user?.Report(n);
    });

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
            // Best effort: a leftover ".partial" file cannot be mistaken for the real one.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Reports synchronously (Progress&lt;T&gt; posts to a sync context, which would race our byte count).</summary>
    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
