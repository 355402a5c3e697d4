using System.Text.RegularExpressions;
using KipuHub.Http;
using KipuHub.Tests.Support;

namespace KipuHub.Tests.Http;

[TestFixture]
public class OrganizationHandlerTests
{
    private static readonly Uri Base = new("https://hub.test/quantum/");

    [Test]
    public async Task SendAsync_AddsXOrganizationId()
    {
        var stub = new StubHandler();
        using var invoker = Pipeline.Over(stub, new OrganizationHandler("org-42", Base));

        await invoker.SendAsync(HttpMethod.Get, "https://hub.test/quantum/jobs");

        Assert.That(stub.Requests.Single().Header("X-OrganizationId"), Is.EqualTo("org-42"));
    }

    [Test]
    public async Task SendAsync_RequestHasItsOwnOrganization_KeepsIt()
    {
        var stub = new StubHandler();
        using var invoker = Pipeline.Over(stub, new OrganizationHandler("org-42", Base));
        var request = new HttpRequestMessage(HttpMethod.Get, "https://hub.test/quantum/jobs");
        request.Headers.Add("X-OrganizationId", "org-7");

        await invoker.SendAsync(request, CancellationToken.None);

        Assert.That(stub.Requests.Single().Header("X-OrganizationId"), Is.EqualTo("org-7"));
    }

    [Test]
    public async Task SendAsync_OtherHost_SendsNoOrganization()
    {
        var stub = new StubHandler();
        using var invoker = Pipeline.Over(stub, new OrganizationHandler("org-42", Base));

        await invoker.SendAsync(HttpMethod.Get, "https://elsewhere.test/jobs");

        Assert.That(stub.Requests.Single().Header("X-OrganizationId"), Is.Null);
    }

    [Test]
    public void Ctor_BlankOrganization_Throws() =>
        Assert.Throws<ArgumentException>(() => new OrganizationHandler(" ", Base));
}

[TestFixture]
public class UserAgentHandlerTests
{
    [Test]
    public void DefaultUserAgent_NamesSdkVersionRuntimeAndOs() =>
        Assert.That(UserAgentHandler.DefaultUserAgent, Does.Match(@"^KipuHub\.NET/\d+\.\d+\.\d+[^ ]* \(\.NET \d+\.\d+\.\d+; (Linux|Windows|macOS|FreeBSD|Unknown) [\d.]+\)$"));

    [Test]
    public async Task SendAsync_AddsDefaultUserAgent()
    {
        var stub = new StubHandler();
        using var invoker = Pipeline.Over(stub, new UserAgentHandler());

        await invoker.SendAsync(HttpMethod.Get, "https://hub.test/x");

        Assert.That(stub.Requests.Single().Header("User-Agent"), Is.EqualTo(UserAgentHandler.DefaultUserAgent));
    }

    [Test]
    public async Task SendAsync_RequestHasUserAgent_KeepsIt()
    {
        var stub = new StubHandler();
        using var invoker = Pipeline.Over(stub, new UserAgentHandler());
        var request = new HttpRequestMessage(HttpMethod.Get, "https://hub.test/x");
        request.Headers.UserAgent.ParseAdd("MyApp/1.0");

        await invoker.SendAsync(request, CancellationToken.None);

        Assert.That(stub.Requests.Single().Header("User-Agent"), Is.EqualTo("MyApp/1.0"));
    }
}

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
