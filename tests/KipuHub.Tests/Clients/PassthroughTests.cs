using System.Net;
using KipuHub.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace KipuHub.Tests.Clients;

/// <summary>SendAsync, the counterpart of TypeScript's client.fetch.</summary>
[TestFixture]
public class PassthroughTests
{
    [TestCase("jobs/j1/calibration")]
    [TestCase("/jobs/j1/calibration")]
    public async Task RelativeUri_ResolvesAgainstTheBaseUrl_WithAuthAndOrganization(string path)
    {
        var stub = new StubHandler(HttpStatusCode.OK, "{}");
        using var client = Hub.Quantum(stub, o => o.OrganizationId = "org-1");

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

        var request = stub.Requests.Single();
        Assert.That(request.Uri, Is.EqualTo(new Uri("https://hub.test/quantum/jobs/j1/calibration")));
        Assert.That(request.Header("X-Auth-Token"), Is.EqualTo("quantum-token"));
        Assert.That(request.Header("X-OrganizationId"), Is.EqualTo("org-1"));
        Assert.That(request.Header("User-Agent"), Does.StartWith("KipuHub.NET/"));
    }

    [Test]
    public async Task NoUri_GoesToTheBaseUrl()
    {
        var stub = new StubHandler();
        using var client = Hub.Service(stub);

        using var response = await client.SendAsync(new HttpRequestMessage { Method = HttpMethod.Get });

        Assert.That(stub.Requests.Single().Uri, Is.EqualTo(new Uri(Hub.ServiceBase)));
        Assert.That(stub.Requests.Single().Header("Authorization"), Is.EqualTo("Bearer gateway-token"));
    }

    [Test]
    public async Task AbsoluteUriOnAnotherHost_GetsNoToken()
    {
        var stub = new StubHandler();
        using var client = Hub.Quantum(stub, o => o.OrganizationId = "org-1");

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://elsewhere.test/x"));

        Assert.That(stub.Requests.Single().Header("X-Auth-Token"), Is.Null);
        Assert.That(stub.Requests.Single().Header("X-OrganizationId"), Is.Null);
    }

    [Test]
    public async Task ErrorStatus_IsReturnedNotThrown()
    {
        using var client = Hub.Quantum(new StubHandler(HttpStatusCode.NotFound, """{"message":"nope"}"""));

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "unknown-endpoint"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("nope"));
    }

    [Test]
    public async Task Get_IsRetried_Post_IsNot()
    {
        var time = new FakeTimeProvider();
        var stub = new StubHandler(HttpStatusCode.ServiceUnavailable);
        using var client = Hub.Quantum(stub, o => { o.TimeProvider = time; o.MaxRetries = 1; });

        using (await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "jobs") { Content = new StringContent("{}") }))
        {
            Assert.That(stub.Requests, Has.Count.EqualTo(1));
        }

        var pending = client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "jobs"));
        time.Advance(TimeSpan.FromSeconds(1));
        using (await pending.WaitAsync(TimeSpan.FromSeconds(5)))
        {
            Assert.That(stub.Requests, Has.Count.EqualTo(3));
        }
    }

    [Test]
    public void Timeout_IsAHubTimeoutException()
    {
        var time = new FakeTimeProvider();
        using var client = Hub.Platform(StubHandler.Hanging(), o => { o.TimeProvider = time; o.MaxRetries = 0; o.Timeout = TimeSpan.FromSeconds(5); });

        var pending = client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "users/me"));
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.ThrowsAsync<HubTimeoutException>(() => pending.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void NullRequest_Throws()
    {
        using var client = Hub.Quantum(new StubHandler());

        Assert.ThrowsAsync<ArgumentNullException>(() => client.SendAsync(null!));
    }

    [Test]
    public async Task ResponseBody_IsStreamedNotBuffered()
    {
        var stream = new NotifyingStream();
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(stream) });
        using var client = Hub.Quantum(stub);

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "jobs/j1/result-stream"));

        Assert.That(stream.WasRead, Is.False, "ResponseHeadersRead: the caller decides how to read the body");
    }

    private sealed class NotifyingStream : MemoryStream
    {
        public NotifyingStream()
            : base([1, 2, 3])
        {
        }

        public bool WasRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            WasRead = true;
            return base.Read(buffer, offset, count);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            WasRead = true;
            return base.ReadAsync(buffer, cancellationToken);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            WasRead = true;
            return base.ReadAsync(buffer, offset, count, cancellationToken);
        }
    }
}
