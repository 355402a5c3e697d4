namespace KipuHub.Emulator.Platform;

/// <summary>The implemented Platform operations, by operationId; every other operation of the spec answers 501.</summary>
internal sealed class PlatformHandlers
{
    private readonly Dictionary<string, RequestDelegate> _handlers = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, RequestDelegate> ByOperationId => _handlers;

    public void Add(string operationId, RequestDelegate handler)
    {
        if (!_handlers.TryAdd(operationId, handler))
        {
            throw new InvalidOperationException($"Operation {operationId} is implemented twice.");
        }
    }
}
