using RichardSzalay.MockHttp;

namespace KipuHub.Tests.Support;

/// <summary>Facade clients wired to a MockHttp transport.</summary>
public static class Hub
{
    public const string QuantumBase = "https://hub.test/quantum/";
    public const string ServiceBase = "https://gateway.test/acme/echo/1.0.0/";
    public const string PlatformBase = "https://hub.test/qc-catalog/";

    public static HubQuantumClient Quantum(HttpMessageHandler transport, Action<HubQuantumClientOptions>? configure = null)
    {
        var options = new HubQuantumClientOptions { ApiKey = "quantum-token", BaseUrl = new Uri(QuantumBase), HttpMessageHandler = transport };
        configure?.Invoke(options);
        return new HubQuantumClient(options);
    }

    public static HubServiceClient Service(HttpMessageHandler transport, Action<HubServiceClientOptions>? configure = null)
    {
        var options = new HubServiceClientOptions { Token = "gateway-token", BaseUrl = new Uri(ServiceBase), HttpMessageHandler = transport };
        configure?.Invoke(options);
        return new HubServiceClient(options);
    }

    public static HubPlatformClient Platform(HttpMessageHandler transport, Action<HubPlatformClientOptions>? configure = null)
    {
        var options = new HubPlatformClientOptions { ApiKey = "platform-token", BaseUrl = new Uri(PlatformBase), HttpMessageHandler = transport };
        configure?.Invoke(options);
        return new HubPlatformClient(options);
    }

    public static MockedRequest RespondJson(this MockedRequest request, string json) => request.Respond("application/json", json);

    /// <summary>Whether a request is preflight's <c>GET /backends/{id}</c> (HubQuantumClientOptions.ValidateBeforeSubmit is on by default).</summary>
    public static bool IsBackendGet(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get && request.RequestUri!.AbsolutePath.StartsWith("/quantum/backends/", StringComparison.Ordinal);

    /// <summary>An ONLINE backend record without limits, the answer to preflight's GET in tests about what comes after it.</summary>
    public static HttpResponseMessage OnlineBackend(HttpRequestMessage request) =>
        StubHandler.Json(System.Net.HttpStatusCode.OK, $$"""{"id":"{{request.RequestUri!.Segments[^1]}}","status":"ONLINE"}""");
}
