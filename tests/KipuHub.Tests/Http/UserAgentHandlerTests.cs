using System.Text.RegularExpressions;
using KipuHub.Http;
using KipuHub.Tests.Support;

namespace KipuHub.Tests.Http;

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
