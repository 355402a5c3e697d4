using System.Net;
using KipuHub.Http;
using KipuHub.Http.Internal;
using KipuHub.Tests.Support;

namespace KipuHub.Tests.Http;

/// <summary>
/// The one recipe (HubPipelineRecipe): the standalone chain, the handlers AddKipuHub puts around its own retry stage,
/// and where a caller's own handlers run.
/// </summary>
[TestFixture]
public class PipelineRecipeTests
{
    [Test]
    public void The_standalone_chain_is_per_call_then_retry_then_per_attempt_with_the_token_innermost()
    {
        var options = Options();
        options.Headers["X-Team"] = "q";
        options.AddHandler(() => new Marker("mine-per-call"), HubPipelinePosition.PerCall);
        options.AddHandler(() => new Marker("mine-per-attempt"));

        var names = Chain(HubPipelineRecipe.Link(options.ToPipelineSettings(), new StubHandler()));

        Assert.That(names, Is.EqualTo(new[]
        {
            "AsyncOnlyHandler", "RequestContextHandler", "ResponseHintsHandler", "HeadersHandler", "UserAgentHandler", "TracingHandler", "mine-per-call",
            "RetryHandler",
            "mine-per-attempt", "LoggingHandler", "TimeoutHandler", "RedirectHandler", "OrganizationHandler", "ApiKeyAuthHandler",
        }));
    }

    [Test]
    public void CreateHandlers_leaves_the_retry_slot_and_the_attempt_timeout_to_the_caller()
    {
        var options = Options();
        options.AddHandler(() => new Marker("mine"), HubPipelinePosition.PerCall);

        var handlers = HubHttpPipeline.CreateHandlers(options);

        Assert.That(handlers.PerCall.Select(Name), Is.EqualTo(new[] { "AsyncOnlyHandler", "RequestContextHandler", "ResponseHintsHandler", "UserAgentHandler", "TracingHandler", "mine" }));
        Assert.That(handlers.PerAttempt.Select(Name), Is.EqualTo(new[] { "LoggingHandler", "RedirectHandler", "OrganizationHandler", "ApiKeyAuthHandler" }));
        Assert.That(handlers.BaseUrl, Is.EqualTo(new Uri("https://hub.test/quantum/")), "normalised, with the trailing '/'");
    }

    [Test]
    public void The_service_client_gets_its_token_as_a_bearer_header_from_the_same_recipe()
    {
        var handlers = HubHttpPipeline.CreateHandlers(new HubServiceClientOptions { BaseUrl = new Uri(Hub.ServiceBase), Token = "gateway-token" });

        Assert.That(handlers.PerAttempt.Select(Name).Last(), Is.EqualTo("BearerTokenHandler"));
    }

    [Test]
    public async Task A_per_call_handler_sees_a_call_once_and_a_per_attempt_handler_sees_every_attempt()
    {
        var perCall = new Marker("per-call");
        var perAttempt = new Marker("per-attempt");
        var answers = new Queue<HttpStatusCode>([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK]);
        var transport = new StubHandler(_ =>
        {
            var response = StubHandler.Json(answers.Dequeue(), "[]");
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
            return response;
        });
        var options = Options(transport);
        options.AddHandler(() => perCall, HubPipelinePosition.PerCall);
        options.AddHandler(() => perAttempt);
        using var client = new HubQuantumClient(options);

        await client.Backends.GetBackendsAsync();

        Assert.That(perCall.Seen, Is.EqualTo(1));
        Assert.That(perAttempt.Seen, Is.EqualTo(3));
        Assert.That(perAttempt.TokenSeenFirst, Is.False, "per-attempt handlers run before the credential handler adds the token");
        Assert.That(transport.Requests.All(r => r.Headers.ContainsKey("X-Auth-Token")), Is.True);
    }

    [Test]
    public void A_handler_factory_that_returns_null_is_reported_when_the_pipeline_is_built()
    {
        var options = Options();
        options.AddHandler(() => null!);

        var ex = Assert.Throws<InvalidOperationException>(() => new HubQuantumClient(options));

        Assert.That(ex!.Message, Does.Contain("returned null"));
    }

    [Test]
    public void AddHandler_refuses_a_null_factory_and_an_undefined_position()
    {
        var options = Options();

        Assert.Throws<ArgumentNullException>(() => options.AddHandler(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => options.AddHandler(() => new Marker("x"), (HubPipelinePosition)7));
    }

    [Test]
    public void Validate_returns_every_problem_named_as_the_caller_names_options()
    {
        var options = new HubQuantumClientOptions
        {
            ApiKey = "t",
            BaseUrl = new Uri("ftp://hub.test/"),
            Timeout = TimeSpan.Zero,
            MaxRetries = -1,
            Headers = { ["X-Auth-Token"] = "sneaky" },
        };

        var byDefault = options.Validate();
        var byKey = options.Validate(path => $"Hub:{path}");

        Assert.That(byDefault, Has.Count.EqualTo(4));
        Assert.That(byDefault[0], Does.StartWith("HubQuantumClientOptions.BaseUrl must be an absolute http(s) URL"));
        Assert.That(byKey, Has.Some.StartsWith("Hub:Timeout must be positive").And.Some.StartsWith("Hub:MaxRetries must be 0 or more").And.Some.StartsWith("Hub:Headers:X-Auth-Token must not be set"));
        Assert.That(string.Join("\n", byKey), Does.Not.Contain("sneaky"));
        Assert.That(new HubQuantumClientOptions { ApiKey = "t" }.Validate(), Is.Empty);
    }

    [TestCase("X-Team", "quantum\r\nX-Injected: yes", TestName = "Header_value_with_CRLF")]
    [TestCase("X-Team", "q\0", TestName = "Header_value_with_NUL")]
    [TestCase("X Team", "q", TestName = "Header_name_with_a_space")]
    [TestCase("X-Team:", "q", TestName = "Header_name_with_a_colon")]
    public void An_extra_header_that_cannot_be_sent_is_refused_without_quoting_its_value(string name, string value)
    {
        var options = Options();
        options.Headers[name] = value;

        var ex = Assert.Throws<ArgumentException>(() => new HubQuantumClient(options));

        Assert.That(ex!.Message, Does.Contain("Headers").And.Not.Contain("X-Injected").And.Not.Contain("quantum"));
    }

    [Test]
    public void A_client_over_a_pipeline_with_another_base_address_is_refused()
    {
        using var http = new HttpClient(new StubHandler()) { BaseAddress = new Uri("https://elsewhere.test/") };

        var ex = Assert.Throws<ArgumentException>(() => new HubQuantumClient(http, Options()));

        Assert.That(ex!.Message, Does.Contain("elsewhere.test").And.Contain("hub.test/quantum/"));
    }

    private static HubQuantumClientOptions Options(HttpMessageHandler? transport = null) => new()
    {
        ApiKey = "quantum-token-123",
        BaseUrl = new Uri("https://hub.test/quantum"),
        OrganizationId = "org-1",
        HttpMessageHandler = transport ?? new StubHandler(),
    };

    private static string Name(HttpMessageHandler handler) => handler is Marker marker ? marker.Label : handler.GetType().Name;

    private static List<string> Chain(HttpMessageHandler top)
    {
        var names = new List<string>();
        for (var handler = top; handler is DelegatingHandler delegating; handler = delegating.InnerHandler!)
        {
            names.Add(Name(delegating));
        }

        return names;
    }

    private sealed class Marker(string label) : DelegatingHandler
    {
        public string Label { get; } = label;

        public int Seen { get; private set; }

        public bool TokenSeenFirst { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (++Seen == 1)
            {
                TokenSeenFirst = request.Headers.Contains("X-Auth-Token");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
