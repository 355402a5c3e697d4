using KipuHub.Emulator.Faults;

namespace KipuHub.Emulator.Diagnostics;

/// <summary>One request the emulator received, with secrets redacted.</summary>
public sealed class RecordedRequest
{
    private int _statusCode;
    private int _aborted;

    internal RecordedRequest(string method, string path, string query, DateTimeOffset timestamp, IReadOnlyDictionary<string, string> headers)
    {
        Method = method;
        Path = path;
        Query = query;
        Timestamp = timestamp;
        Headers = headers;
    }

    /// <summary>The HTTP method, e.g. <c>POST</c>.</summary>
    public string Method { get; }

    /// <summary>The request path, e.g. <c>/quantum/jobs</c>.</summary>
    public string Path { get; }

    /// <summary>The query string including '?', or empty.</summary>
    public string Query { get; }

    /// <summary>When the request arrived, on the emulator's clock.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The request headers; <c>X-Auth-Token</c>, <c>Authorization</c> and cookies show as <c>[redacted]</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The status sent, set when the response starts; 0 while handling or if the connection was reset first.</summary>
    public int StatusCode
    {
        get => Volatile.Read(ref _statusCode);
        internal set => Volatile.Write(ref _statusCode, value);
    }

    /// <summary>True if the emulator reset the connection (an injected fault) instead of completing the response.</summary>
    public bool Aborted
    {
        get => Volatile.Read(ref _aborted) == 1;
        internal set => Volatile.Write(ref _aborted, value ? 1 : 0);
    }

    /// <summary>The fault injected into this request, if any.</summary>
    public FaultKind? Fault { get; internal set; }

    /// <summary>Describes the request.</summary>
    /// <returns>Method, path and outcome.</returns>
    public override string ToString()
        => $"{Method} {Path}{Query} -> {(Aborted ? "reset" : StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture))}{(Fault is { } f ? $" ({f})" : string.Empty)}";
}
