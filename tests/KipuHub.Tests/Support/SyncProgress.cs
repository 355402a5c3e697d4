namespace KipuHub.Tests.Support;

/// <summary>
/// Reports synchronously (Progress&lt;T&gt; would post to the thread pool and race the assertions). Shared with the
/// integration tests as a linked file.
/// </summary>
public sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
