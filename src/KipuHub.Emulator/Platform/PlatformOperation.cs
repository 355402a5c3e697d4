namespace KipuHub.Emulator.Platform;

/// <summary>One operation of <c>specs/platform.json</c>: its HTTP method, path template (relative to <c>/qc-catalog</c>) and operationId.</summary>
internal sealed record PlatformOperation(string Method, string Path, string OperationId);
