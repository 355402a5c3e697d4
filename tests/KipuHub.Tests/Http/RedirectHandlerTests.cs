using System.Net;
using KipuHub.Credentials;
using KipuHub.Http;
using KipuHub.Tests.Support;

namespace KipuHub.Tests.Http;

/// <summary>The redirect handler above the auth handlers, as in the real pipeline.</summary>
[TestFixture]
public class RedirectHandlerTests
{
    private static readonly Uri Base = new("https://hub.test/quantum/");

    [Test]
    public async Task RedirectToForeignHost_DropsTokenOrganizationAndCookies()
    {
        var stub = new StubHandler(r => r.RequestUri!.Host == "hub.test"
            ? Redirect(HttpStatusCode.Found, "https://cdn.evil.test/results/1")
            : new HttpResponseMessage(HttpStatusCode.OK));
        using var invoker = Chain(stub);
        var request = new HttpRequestMessage(HttpMethod.Get, "https://hub.test/quantum/jobs/1/result");
        request.Headers.Add("Cookie", "session=abc");
        request.Headers.Add("Authorization", "Bearer user-set");

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        var hop = stub.Requests.Last();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(hop.Uri, Is.EqualTo(new Uri("https://cdn.evil.test/results/1")));
        Assert.That(hop.Header("X-Auth-Token"), Is.Null);
        Assert.That(hop.Header("X-OrganizationId"), Is.Null);
        Assert.That(hop.Header("Cookie"), Is.Null);
        Assert.That(hop.Header("Authorization"), Is.Null);
    }

    [Test]
    public async Task RedirectOnTheSameHost_KeepsToken()
    {
        var stub = new StubHandler(r => r.RequestUri!.AbsolutePath == "/quantum/old"
            ? Redirect(HttpStatusCode.MovedPermanently, "/quantum/new")
            : new HttpResponseMessage(HttpStatusCode.OK));
        using var invoker = Chain(stub);

        using var response = await invoker.SendAsync(HttpMethod.Get, "https://hub.test/quantum/old");

        var hop = stub.Requests.Last();
        Assert.That(hop.Uri.AbsolutePath, Is.EqualTo("/quantum/new"));
        Assert.That(hop.Header("X-Auth-Token"), Is.EqualTo("tok"));
        Assert.That(hop.Header("X-OrganizationId"), Is.EqualTo("org-1"));
    }

    [Test]
    public async Task HttpsToHttp_IsNotFollowed()
    {
        var stub = new StubHandler(_ => Redirect(HttpStatusCode.Found, "http://hub.test/quantum/plain"));
        using var invoker = Chain(stub);

        using var response = await invoker.SendAsync(HttpMethod.Get, "https://hub.test/quantum/x");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Found));
        Assert.That(stub.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task RedirectLoop_StopsAfterMaxRedirects()
    {
        var stub = new StubHandler(_ => Redirect(HttpStatusCode.TemporaryRedirect, "/quantum/loop"));
        using var invoker = Pipeline.Over(stub, new RedirectHandler(Base, maxRedirects: 3));

        using var response = await invoker.SendAsync(HttpMethod.Get, "https://hub.test/quantum/loop");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TemporaryRedirect));
        Assert.That(stub.Requests, Has.Count.EqualTo(4));
    }

    [Test]
    public async Task SeeOther_AfterPost_ContinuesAsGetWithoutBody()
    {
        var stub = new StubHandler(r => r.Method == HttpMethod.Post ? Redirect(HttpStatusCode.SeeOther, "/quantum/jobs/1") : new HttpResponseMessage(HttpStatusCode.OK));
        using var invoker = Chain(stub);

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Post, "https://hub.test/quantum/jobs") { Content = new StringContent("{}") }, CancellationToken.None);

        var hop = stub.Requests.Last();
        Assert.That(hop.Method, Is.EqualTo(HttpMethod.Get));
        Assert.That(hop.Body, Is.Null);
    }

    [Test]
    public async Task TemporaryRedirect_KeepsMethodAndBody()
    {
        var stub = new StubHandler(r => r.RequestUri!.AbsolutePath == "/quantum/a" ? Redirect(HttpStatusCode.TemporaryRedirect, "/quantum/b") : new HttpResponseMessage(HttpStatusCode.OK));
        using var invoker = Chain(stub);

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Put, "https://hub.test/quantum/a") { Content = new StringContent("{\"x\":1}") }, CancellationToken.None);

        var hop = stub.Requests.Last();
        Assert.That(hop.Method, Is.EqualTo(HttpMethod.Put));
        Assert.That(hop.Body, Is.EqualTo("{\"x\":1}"));
    }

    private static HttpMessageInvoker Chain(StubHandler stub) => Pipeline.Over(
        stub,
        new RedirectHandler(Base),
        new OrganizationHandler("org-1", Base),
        new ApiKeyAuthHandler(new StaticCredential("tok"), Base));

    private static HttpResponseMessage Redirect(HttpStatusCode status, string location)
    {
        var response = new HttpResponseMessage(status);
        response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
        return response;
    }
}
