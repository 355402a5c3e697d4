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
