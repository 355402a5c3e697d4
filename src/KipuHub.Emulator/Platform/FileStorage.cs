namespace KipuHub.Emulator.Platform;

/// <summary>
/// Data pool file bytes on disk, in one temporary directory per emulator instance (removed when the emulator stops),
/// so uploads and downloads of any size stream in constant memory.
/// </summary>
internal sealed class FileStorage : IDisposable
{
    private readonly Lazy<string> _root = new(() =>
    {
        var path = Path.Combine(Path.GetTempPath(), "kipuhub-emulator-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    });

    /// <summary>The directory, created on first use.</summary>
    public string Root => _root.Value;

    /// <summary>A fresh path for an upload in progress; it becomes a file's storage once complete.</summary>
    public string NewPath() => Path.Combine(Root, Guid.NewGuid().ToString("N"));

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A download may still hold it open on Windows; the directory goes when the emulator stops.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public void Dispose()
    {
        if (!_root.IsValueCreated)
        {
            return;
        }

        try
        {
            Directory.Delete(_root.Value, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
