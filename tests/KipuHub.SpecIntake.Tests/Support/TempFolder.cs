namespace KipuHub.SpecIntake.Tests.Support;

/// <summary>A temporary folder deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    /// <summary>Creates the folder.</summary>
    public TempFolder() => Path = Directory.CreateTempSubdirectory("kipuhub-intake-tests-").FullName;

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>A path inside the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Deletes the folder.</summary>
    public void Dispose() => Directory.Delete(Path, recursive: true);
}
