using RichardSzalay.MockHttp;

namespace KipuHub.Generated.Tests.Support;

/// <summary>A MockHttp handler plus an HttpClient whose BaseAddress ends in '/' as the generated clients expect.</summary>
public sealed class MockHub : IDisposable
{
    public const string QuantumBase = "https://hub.test/quantum/";
    public const string ServiceBase = "https://gateway.test/acme/echo/1.0.0/";
    public const string PlatformBase = "https://hub.test/qc-catalog/";

    public MockHub(string baseAddress)
    {
        Handler = new MockHttpMessageHandler();
        Http = Handler.ToHttpClient();
        Http.BaseAddress = new Uri(baseAddress);
    }

    public MockHttpMessageHandler Handler { get; }

    public HttpClient Http { get; }

    public void Dispose()
    {
        Http.Dispose();
        Handler.Dispose();
    }
}
