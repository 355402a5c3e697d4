using Newtonsoft.Json.Linq;
using PlatformApiException = KipuHub.Generated.Platform.PlatformApiException;
using QuantumApiException = KipuHub.Generated.Quantum.QuantumApiException;
using ServiceApiException = KipuHub.Generated.Service.ServiceApiException;

namespace KipuHub.Emulator.Tests.Support;

/// <summary>Asserts on errors the generated clients throw: status, and the Hub's JSON error body.</summary>
public static class Api
{
    public static JObject FailsWith(int status, AsyncTestDelegate call)
    {
        var ex = Assert.ThrowsAsync<QuantumApiException>(call);
        Assert.That(ex!.StatusCode, Is.EqualTo(status), ex.Response);
        return ErrorBody(status, ex.Response);
    }

    public static JObject ServiceFailsWith(int status, AsyncTestDelegate call)
    {
        var ex = Assert.ThrowsAsync<ServiceApiException>(call);
        Assert.That(ex!.StatusCode, Is.EqualTo(status), ex.Response);
        return ErrorBody(status, ex.Response);
    }

    public static JObject PlatformFailsWith(int status, AsyncTestDelegate call)
    {
        var ex = Assert.ThrowsAsync<PlatformApiException>(call);
        Assert.That(ex!.StatusCode, Is.EqualTo(status), ex.Response);
        return ErrorBody(status, ex.Response);
    }

    /// <summary>Every error is JSON with status, error, message, path and timestamp.</summary>
    public static JObject ErrorBody(int status, string? text)
    {
        Assert.That(text, Is.Not.Null.And.Not.Empty, "error responses carry a body");
        var body = JObject.Parse(text!);
        Assert.That(body.Value<int>("status"), Is.EqualTo(status));
        Assert.That(body.Value<string>("error"), Is.Not.Empty);
        Assert.That(body.Value<string>("message"), Is.Not.Empty);
        Assert.That(body.Value<string>("path"), Does.StartWith("/"));
        Assert.That(body["timestamp"], Is.Not.Null);
        return body;
    }
}
