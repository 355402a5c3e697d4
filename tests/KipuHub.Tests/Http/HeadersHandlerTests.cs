using System.Text.RegularExpressions;
using KipuHub.Http;
using KipuHub.Tests.Support;

namespace KipuHub.Tests.Http;

[TestFixture]
public class HeadersHandlerTests
{
    [Test]
    public async Task SendAsync_AddsEveryHeader()
    {
        var stub = new StubHandler();
        using var invoker = Pipeline.Over(stub, new HeadersHandler(new Dictionary<string, string> { ["X-Team"] = "quantum", ["X-Trace"] = "on" }));

        await invoker.SendAsync(HttpMethod.Get, "https://hub.test/x");

        Assert.That(stub.Requests.Single().Header("X-Team"), Is.EqualTo("quantum"));
        Assert.That(stub.Requests.Single().Header("X-Trace"), Is.EqualTo("on"));
    }

    [Test]
    public async Task SendAsync_RequestHeaderWinsOverClientWideHeader()
    {
        var stub = new StubHandler();
        using var invoker = Pipeline.Over(stub, new HeadersHandler(new Dictionary<string, string> { ["X-Team"] = "quantum" }));
        var request = new HttpRequestMessage(HttpMethod.Get, "https://hub.test/x");
        request.Headers.Add("X-Team", "classical");

        await invoker.SendAsync(request, CancellationToken.None);

        Assert.That(stub.Requests.Single().Header("X-Team"), Is.EqualTo("classical"));
    }

    [Test]
    public async Task SendAsync_ContentHeader_GoesOnTheContent()
    {
        HttpRequestMessage? seen = null;
        var stub = new StubHandler(r => { seen = r; return new HttpResponseMessage(); });
        using var invoker = Pipeline.Over(stub, new HeadersHandler(new Dictionary<string, string> { ["Content-Language"] = "en" }));

        await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Put, "https://hub.test/x") { Content = new StringContent("{}") }, CancellationToken.None);

        Assert.That(seen!.Content!.Headers.ContentLanguage, Is.EqualTo(new[] { "en" }));
    }

    [Test]
    public void Ctor_EmptyName_Throws() =>
        Assert.Throws<ArgumentException>(() => new HeadersHandler(new Dictionary<string, string> { [""] = "x" }));
}
