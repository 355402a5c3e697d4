using System.Net;
using KipuHub.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace KipuHub.Tests.Errors;

/// <summary>Every status through the real pipeline and a generated client: what the caller catches and what it carries.</summary>
[TestFixture]
public class StatusMappingTests
{
    private MockHttpMessageHandler _mock = null!;

    [SetUp]
    public void SetUp() => _mock = new MockHttpMessageHandler();

    [TearDown]
    public void TearDown() => _mock.Dispose();

    [TestCase(400, typeof(BadRequestException), "Bad Request")]
    [TestCase(401, typeof(UnauthorizedException), "Unauthorized")]
    [TestCase(403, typeof(ForbiddenException), "Forbidden")]
    [TestCase(404, typeof(NotFoundException), "Not Found")]
    [TestCase(409, typeof(ConflictException), "Conflict")]
    [TestCase(422, typeof(UnprocessableEntityException), "Unprocessable Entity")]
    [TestCase(500, typeof(InternalServerErrorException), "Internal Server Error")]
    [TestCase(418, typeof(HubApiException), "")]
    [TestCase(501, typeof(HubApiException), "Not Implemented")]
    public void Status_MapsToItsException_WithTheEvidence(int status, Type expected, string reason)
    {
        _mock.When(HttpMethod.Get, Hub.QuantumBase + "jobs/j1").Respond(
            (HttpStatusCode)status,
            [new KeyValuePair<string, string>("X-Request-Id", "req-77")],
            "application/json",
            """{"message": "Job j1 is not yours", "code": "E42"}""");
        using var client = Hub.Quantum(_mock, o => o.MaxRetries = 0);

        var ex = Assert.CatchAsync<HubApiException>(() => client.Jobs.GetJobAsync("j1"));

        Assert.That(ex, Is.TypeOf(expected));
        Assert.That(ex!.StatusCode, Is.EqualTo(status));
        Assert.That(ex.RequestId, Is.EqualTo("req-77"));
        Assert.That(ex.Headers["x-request-id"], Is.EqualTo(new[] { "req-77" }), "header names compare case-insensitively");
        Assert.That(ex.RawBody, Is.EqualTo("""{"message": "Job j1 is not yours", "code": "E42"}"""));
        Assert.That(ex.Body!["code"]!.Value<string>(), Is.EqualTo("E42"));
        Assert.That(ex.ErrorMessage, Is.EqualTo("Job j1 is not yours"));
        var reasonText = reason.Length == 0 ? string.Empty : $" ({reason})";
        Assert.That(ex.Message, Does.StartWith($"Quantum API call Jobs.GetJobAsync failed with {status}{reasonText}: \"Job j1 is not yours\"."));
        Assert.That(ex.Message, Does.EndWith("Request id: req-77."));
    }

    [TestCase("""{"error": "invalid_token"}""", "invalid_token")]
    [TestCase("""{"error": {"message": "nested reason"}}""", "nested reason")]
    [TestCase("""{"detail": "problem details"}""", "problem details")]
    [TestCase("""{"title": "Bad thing", "status": 400}""", "Bad thing")]
    [TestCase("""{"unrelated": 1}""", null)]
    [TestCase("""[1, 2, 3]""", null)]
    public void ErrorMessage_IsTakenFromTheUsualFields(string body, string? expected)
    {
        _mock.When(Hub.QuantumBase + "jobs/j1").Respond(HttpStatusCode.BadRequest, "application/json", body);
        using var client = Hub.Quantum(_mock);

        var ex = Assert.ThrowsAsync<BadRequestException>(() => client.Jobs.GetJobAsync("j1"));

        Assert.That(ex!.ErrorMessage, Is.EqualTo(expected));
        Assert.That(ex.Body, Is.Not.Null);
    }

    [Test]
    public void PlainTextBody_IsTheErrorMessage_AndBodyIsNull()
    {
        _mock.When(Hub.QuantumBase + "jobs/j1").Respond(HttpStatusCode.NotFound, "text/plain", "No such job");
        using var client = Hub.Quantum(_mock);

        var ex = Assert.ThrowsAsync<NotFoundException>(() => client.Jobs.GetJobAsync("j1"));

        Assert.That(ex!.Body, Is.Null);
        Assert.That(ex.RawBody, Is.EqualTo("No such job"));
        Assert.That(ex.ErrorMessage, Is.EqualTo("No such job"));
        Assert.That(ex.Message, Does.Contain("\"No such job\"").And.Contain("OrganizationId"));
    }

    [Test]
    public void HtmlBody_IsNotAMessage()
    {
        _mock.When(Hub.QuantumBase + "jobs/j1").Respond(HttpStatusCode.InternalServerError, "text/html", "<html><body>Bad gateway page</body></html>");
        using var client = Hub.Quantum(_mock, o => o.MaxRetries = 0);

        var ex = Assert.ThrowsAsync<InternalServerErrorException>(() => client.Jobs.GetJobAsync("j1"));

        Assert.That(ex!.ErrorMessage, Is.Null);
        Assert.That(ex.Body, Is.Null);
        Assert.That(ex.RawBody, Does.Contain("Bad gateway page"));
        Assert.That(ex.Message, Is.EqualTo("Quantum API call Jobs.GetJobAsync failed with 500 (Internal Server Error). The Hub failed; retry later, and quote the request id if it persists."));
    }

    [Test]
    public void EmptyBody_GivesNoMessageAndNoBody()
    {
        _mock.When(Hub.QuantumBase + "jobs/j1").Respond(HttpStatusCode.Forbidden);
        using var client = Hub.Quantum(_mock);

        var ex = Assert.ThrowsAsync<ForbiddenException>(() => client.Jobs.GetJobAsync("j1"));

        Assert.That(ex!.RawBody, Is.Empty);
        Assert.That(ex.Body, Is.Null);
        Assert.That(ex.ErrorMessage, Is.Null);
        Assert.That(ex.RequestId, Is.Null);
        Assert.That(ex.Message, Does.Contain("failed with 403 (Forbidden).").And.Contain("X-OrganizationId"));
    }

    [Test]
    public void Unauthorized_SaysToCheckTheTokenAndTheVariables()
    {
        _mock.When(Hub.QuantumBase + "backends").Respond(HttpStatusCode.Unauthorized);
        using var client = Hub.Quantum(_mock);

        var ex = Assert.ThrowsAsync<UnauthorizedException>(() => client.Backends.GetBackendsAsync());

        Assert.That(ex!.Message, Does.Contain("Check the token passed as ApiKey or Credential").And.Contain("KQH_PERSONAL_ACCESS_TOKEN").And.Contain("qhubctl login"));
    }

    [Test]
    public void TooManyRequests_IsAHubApiExceptionWithRetryAfter()
    {
        _mock.When(Hub.QuantumBase + "backends").Respond(HttpStatusCode.TooManyRequests, [new KeyValuePair<string, string>("Retry-After", "120")], "application/json", "{}");
        using var client = Hub.Quantum(_mock);

        var ex = Assert.ThrowsAsync<HubApiException>(() => client.Backends.GetBackendsAsync());

        Assert.That(ex!.StatusCode, Is.EqualTo(429));
        Assert.That(ex.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(120)));
        Assert.That(ex.Message, Does.Contain("wait for RetryAfter"));
    }

    [Test]
    public void RedirectNotFollowed_IsAHubApiExceptionSayingSo()
    {
        _mock.When(Hub.QuantumBase + "jobs/j1").Respond(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.Found);
            response.Headers.Location = new Uri("http://hub.test/plain");
            return response;
        });
        using var client = Hub.Quantum(_mock);

        var ex = Assert.ThrowsAsync<HubApiException>(() => client.Jobs.GetJobAsync("j1"));

        Assert.That(ex!.StatusCode, Is.EqualTo(302));
        Assert.That(ex.Message, Does.Contain("redirected"));
    }

    [Test]
    public void MalformedJsonIn200_IsAResponseFormatExceptionSayingWhatToDo()
    {
        _mock.When(Hub.QuantumBase + "jobs/j1").Respond("application/json", """{"id": "j1", "status": """);
        using var client = Hub.Quantum(_mock);

        var ex = Assert.ThrowsAsync<HubResponseFormatException>(() => client.Jobs.GetJobAsync("j1"));

        Assert.That(ex!.StatusCode, Is.EqualTo(200));
        Assert.That(ex.InnerException, Is.InstanceOf<JsonException>());
        Assert.That(ex.Message, Does.StartWith("Quantum API call Jobs.GetJobAsync got 200 (OK) but the response could not be read: the body is not valid JSON"));
        Assert.That(ex.Message, Does.Contain("check that the base URL points at the Hub API"));
    }

    [Test]
    public void HtmlIn200_IsAResponseFormatException()
    {
        _mock.When(Hub.QuantumBase + "backends").Respond("text/html", "<html>Sign in to the proxy</html>");
        using var client = Hub.Quantum(_mock);

        Assert.ThrowsAsync<HubResponseFormatException>(() => client.Backends.GetBackendsAsync());
    }

    [Test]
    public void EmptyBodyIn200_IsAResponseFormatException()
    {
        _mock.When(Hub.QuantumBase + "jobs/j1").Respond(HttpStatusCode.OK, "application/json", "");
        using var client = Hub.Quantum(_mock);

        var ex = Assert.ThrowsAsync<HubResponseFormatException>(() => client.Jobs.GetJobAsync("j1"));

        Assert.That(ex!.Message, Does.Contain("the body was empty or null"));
    }

    [Test]
    public void UnexpectedSuccessStatus_IsAResponseFormatException()
    {
        _mock.When(Hub.QuantumBase + "jobs/j1").Respond(HttpStatusCode.NoContent);
        using var client = Hub.Quantum(_mock);

        var ex = Assert.ThrowsAsync<HubResponseFormatException>(() => client.Jobs.GetJobAsync("j1"));

        Assert.That(ex!.Message, Does.Contain("204 is not a status this operation defines"));
    }

    [Test]
    public void ServiceApi_Unauthorized_TalksAboutGatewayTokens()
    {
        _mock.When(Hub.ServiceBase + "e1").Respond(HttpStatusCode.Unauthorized);
        using var client = Hub.Service(_mock);

        var ex = Assert.ThrowsAsync<UnauthorizedException>(() => client.ServiceApi.GetStatusAsync("e1"));

        Assert.That(ex!.Message, Does.StartWith("Service API call ServiceApi.GetStatusAsync failed with 401"));
        Assert.That(ex.Message, Does.Contain("gateway tokens are short-lived"));
    }

    [Test]
    public void ServiceApi_MalformedJson_IsAResponseFormatException()
    {
        _mock.When(Hub.ServiceBase + "e1").Respond("application/json", "{oops");
        using var client = Hub.Service(_mock);

        Assert.ThrowsAsync<HubResponseFormatException>(() => client.ServiceApi.GetStatusAsync("e1"));
    }

    [Test]
    public void FacadeNeverLeaksTheGeneratedApiException()
    {
        _mock.When(Hub.QuantumBase + "jobs/j1").Respond(HttpStatusCode.NotFound, "application/json", """{"message":"gone"}""");
        using var client = Hub.Quantum(_mock);

        var ex = Assert.CatchAsync<Exception>(() => client.Jobs.GetJobAsync("j1"));

        for (var e = ex; e is not null; e = e.InnerException)
        {
            Assert.That(e.GetType().Name, Does.Not.StartWith("ApiException"));
        }
    }

    [Test]
    public void PublicConstructors_DeriveEvidenceFromRawBodyAndHeaders()
    {
        var ex = new NotFoundException("gone", new Dictionary<string, IEnumerable<string>> { ["x-correlation-id"] = ["c-1"] }, """{"detail":"no job"}""");

        Assert.That(ex.StatusCode, Is.EqualTo(404));
        Assert.That(ex.RequestId, Is.EqualTo("c-1"));
        Assert.That(ex.ErrorMessage, Is.EqualTo("no job"));
        Assert.That(ex.Body, Is.InstanceOf<JObject>());
        Assert.That(new HubApiException("x", 503).Headers, Is.Empty);
    }
}
