namespace KipuHub.Streaming;

/// <summary>
/// Writes a download to a temporary file beside the destination and moves it into place only when every byte has
/// arrived, so a cut-off download never leaves a file that looks complete.
/// </summary>
internal static class AtomicFileDownload
{
    private const string NothingSavedAdvice = "Nothing was saved; retry the download.";

    /// <summary>Refuses an existing destination unless <paramref name="overwrite"/> (callers check before any request).</summary>
    /// <param name="path">Destination file.</param>
    /// <param name="overwrite">Whether an existing file may be replaced.</param>
    public static void EnsureCanWrite(string path, bool overwrite)
    {
        if (!overwrite && File.Exists(path))
        {
            throw new IOException($"'{Path.GetFullPath(path)}' already exists. Pass overwrite: true to replace it, or choose another path.");
        }
    }

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
        EnsureCanWrite(fullPath, overwrite);
        var directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N")[..8] + ".partial");
        try
        {
            long written;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, StreamCopy.BufferSize, FileOptions.Asynchronous))
            {
                written = await StreamCopy.DownloadAsync(source, expectedLength, file, $"'{fullPath}'", NothingSavedAdvice, progress, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            File.Move(temp, fullPath, overwrite);
            return written;
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

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
}
