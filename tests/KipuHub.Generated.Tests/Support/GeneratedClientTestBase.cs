using System.Net;
using System.Net.Http.Headers;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace KipuHub.Generated.Tests.Support;

/// <summary>
/// Base for per-operation tests: each test states the exact request a generated method must send (method, path,
/// query, headers, JSON body) and checks how the canned response maps onto the model.
/// </summary>
public abstract class GeneratedClientTestBase
{
    private readonly List<(HttpRequestMessage Request, string? Body)> _captured = [];

    protected MockHub Hub { get; private set; } = null!;

    protected abstract string BaseAddress { get; }

    /// <summary>The single request the test sent, with its body read as text.</summary>
    protected (HttpRequestMessage Request, string? Body) Sent => _captured.Single();

    [SetUp]
    public void CreateHub()
    {
        _captured.Clear();
        Hub = new MockHub(BaseAddress);
    }

    [TearDown]
    public void VerifyAndDisposeHub()
    {
        try
        {
            Hub.Handler.VerifyNoOutstandingExpectation();
        }
        finally
        {
            Hub.Dispose();
        }
    }

    /// <summary>Expects exactly one request with this method, relative path and exact query string.</summary>
    protected MockedRequest Expect(HttpMethod method, string relativePath, string query = "")
    {
        var expectation = Hub.Handler.Expect(method, BaseAddress + relativePath).WithExactQueryString(query);
        return expectation.With(request =>
        {
            _captured.Add((request, request.Content?.ReadAsStringAsync().GetAwaiter().GetResult()));
            return true;
        });
    }

    /// <summary>Asserts the captured request carried this JSON body (compared as JSON, not text).</summary>
    protected void AssertJsonBody(string expectedJson)
    {
        var (request, body) = Sent;
        Assert.That(request.Content?.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That(body, Is.Not.Null);
        var actual = JToken.Parse(body!);
        var expected = JToken.Parse(expectedJson);
        Assert.That(JToken.DeepEquals(actual, expected), Is.True, $"Body was:\n{actual}\nExpected:\n{expected}");
    }

    /// <summary>Asserts the captured request asked for JSON (or for anything, for binary downloads).</summary>
    protected void AssertAccepts(string mediaType) =>
        Assert.That(Sent.Request.Headers.Accept.Select(a => a.MediaType), Does.Contain(mediaType));

    protected static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };

    protected static HttpResponseMessage ErrorResponse(HttpStatusCode status, string body, string mediaType = "application/json")
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, System.Text.Encoding.UTF8, mediaType) };
        response.Headers.Add("X-Request-Id", "req-42");
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(3));
        return response;
    }
}

/// <summary>Header lookups the way HTTP means them: case-insensitive (.NET reports X-Request-Id as X-Request-ID).</summary>
public static class HeaderExtensions
{
    public static string Header(this IReadOnlyDictionary<string, IEnumerable<string>> headers, string name) =>
        string.Join(",", headers.Single(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value);
}
