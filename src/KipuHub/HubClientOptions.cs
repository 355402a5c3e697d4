using KipuHub.Credentials;
using KipuHub.Http;
using KipuHub.Http.Internal;
using KipuHub.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KipuHub;

/// <summary>The options every Hub client shares: base URL, extra headers, timeout, retries, transport, your own handlers, logging and clock.</summary>
/// <remarks>
/// Plain settable properties, so an options object can be bound from configuration. A client reads its options
/// once, when it is created; <see cref="Validate"/> checks them without creating one.
/// </remarks>
public abstract class HubClientOptions
{
    /// <summary>The default timeout per attempt, 60 seconds.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The default number of retries of an idempotent request, 2 (three attempts in all), as in the official SDKs.</summary>
    public const int DefaultMaxRetries = 2;

    private readonly List<(Func<DelegatingHandler> Create, HubPipelinePosition Position)> _handlers = [];

    /// <summary>Creates the options; only the SDK's own option types derive from this class.</summary>
    private protected HubClientOptions()
    {
    }

    /// <summary>Gets or sets the API's base URL; it wins over any environment. A missing trailing '/' is added.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Gets or sets extra headers sent with every request (a header set on a request itself wins).</summary>
    /// <remarks>Credentials cannot be passed here: <c>Authorization</c> and <c>X-Auth-Token</c> are refused; use the credential options.</remarks>
    public IDictionary<string, string> Headers { get; set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets how long one attempt may wait for a response; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for no limit.</summary>
    /// <value>Defaults to <see cref="DefaultTimeout"/> (60 seconds).</value>
    public TimeSpan Timeout { get; set; } = DefaultTimeout;

    /// <summary>Gets or sets how many times an idempotent request is retried after a transient failure (<see cref="HubRetryRules"/>).</summary>
    /// <value>Defaults to <see cref="DefaultMaxRetries"/> (2). POST and PATCH, job submission among them, are never retried.</value>
    public int MaxRetries { get; set; } = DefaultMaxRetries;

    /// <summary>Gets or sets an <see cref="System.Net.Http.HttpClient"/> to send requests through, as the transport under the SDK's handlers.</summary>
    /// <remarks>
    /// The client stays yours (it is not disposed), its own handlers and <see cref="HttpClient.Timeout"/> apply per
    /// attempt, and its <see cref="HttpClient.BaseAddress"/> is ignored. It must not follow redirects by itself
    /// (build it over a handler with <c>AllowAutoRedirect = false</c>), or a redirect could carry the token to another host.
    /// Set this or <see cref="HttpMessageHandler"/>, not both.
    /// </remarks>
    public HttpClient? HttpClient { get; set; }

    /// <summary>Gets or sets the <see cref="System.Net.Http.HttpMessageHandler"/> to send requests through, under the SDK's handlers.</summary>
    /// <remarks>
    /// The handler stays yours (it is not disposed). A <see cref="SocketsHttpHandler"/> or <see cref="HttpClientHandler"/>
    /// with <c>AllowAutoRedirect = true</c> is refused: the SDK follows redirects itself so the token stays on the configured host.
    /// </remarks>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    /// <summary>Gets or sets where the client logs (method, path, status, duration, attempt; never tokens); <see langword="null"/> for nowhere.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Gets or sets the clock for timeouts and retry delays.</summary>
    /// <value>Defaults to <see cref="System.TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Gets or sets the polling policy of <c>WaitForCompletionAsync</c>, <c>RunJobAsync</c> and the other waits when a
    /// call passes none.
    /// </summary>
    /// <value>Defaults to <see cref="KipuHub.Waiting.WaitOptions.Default"/>.</value>
    public KipuHub.Waiting.WaitOptions? Waiting { get; set; }

    /// <summary>Adds a handler of your own to the client's pipeline (the Azure SDK's <c>AddPolicy</c>).</summary>
    /// <param name="createHandler">Creates a new handler for each pipeline built from these options.</param>
    /// <param name="position">
    /// <see cref="HubPipelinePosition.PerCall"/>: once per call, outside the retries; <see cref="HubPipelinePosition.PerAttempt"/>:
    /// on every attempt, inside the retries and before the SDK's logging, redirect, organization and token handlers.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="createHandler"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="position"/> is not a defined value.</exception>
    /// <remarks>docs/architecture.md shows the whole pipeline and where each position sits.</remarks>
    public void AddHandler(Func<DelegatingHandler> createHandler, HubPipelinePosition position = HubPipelinePosition.PerAttempt)
    {
        ArgumentNullException.ThrowIfNull(createHandler);
        if (!Enum.IsDefined(position))
        {
            throw new ArgumentOutOfRangeException(nameof(position), position, "Use HubPipelinePosition.PerCall or HubPipelinePosition.PerAttempt.");
        }

        _handlers.Add((createHandler, position));
    }

    /// <summary>Checks the options as creating a client would, and returns every problem instead of throwing the first.</summary>
    /// <param name="optionName">
    /// Names an option in the messages, given its path (<c>"BaseUrl"</c>, <c>"Waiting:MaxInterval"</c>); by default
    /// <c>"HubQuantumClientOptions.BaseUrl"</c>. <c>AddKipuHub</c> passes configuration keys (<c>"KipuHub:BaseUrl"</c>).
    /// </param>
    /// <returns>What is wrong and what to do, one message per problem; empty when a client can be created.</returns>
    public IReadOnlyList<string> Validate(Func<string, string>? optionName = null) =>
        Problems(optionName ?? DefaultName).Select(p => p.Message).ToList();

    /// <summary>Validates the options and resolves them for the pipeline; throws the first problem.</summary>
    internal PipelineSettings ToPipelineSettings()
    {
        OptionRules.ThrowIfAny(Problems(DefaultName));
        var endpoint = Endpoint;
        return new PipelineSettings(
            endpoint.Api,
            BaseUrls.Normalize(BaseUrl ?? endpoint.DefaultBaseUrl!, nameof(BaseUrl), endpoint.Example),
            ResolveCredential(),
            string.IsNullOrWhiteSpace(OrganizationIdOrNull) ? null : OrganizationIdOrNull.Trim(),
            (Headers ?? new Dictionary<string, string>()).ToArray(),
            Timeout,
            MaxRetries,
            HttpClient,
            HttpMessageHandler,
            LoggerFactory ?? NullLoggerFactory.Instance,
            TimeProvider ?? TimeProvider.System,
            [.. _handlers])
        {
            Waiting = Waiting,
        };
    }

    /// <summary>Gets which API the options are for, its default base URL (none for the Service gateway) and an example URL.</summary>
    private protected abstract (HubApiKind Api, Uri? DefaultBaseUrl, string Example) Endpoint { get; }

    /// <summary>Gets what to say when <see cref="BaseUrl"/> is missing and the API has no default (the Service gateway).</summary>
    private protected virtual string MissingBaseUrl => $"Please provide 'BaseUrl' in {GetType().Name} when creating the client.";

    /// <summary>Gets the organization to scope requests to, for the APIs that have one.</summary>
    private protected virtual string? OrganizationIdOrNull => null;

    /// <summary>The option holding a token as text (<c>ApiKey</c>, <c>Token</c>) and its value, checked as a header value.</summary>
    private protected virtual (string? Name, string? Value) TokenOption => default;

    /// <summary>Turns the credential options into one credential; throws <see cref="ArgumentException"/> saying what to pass.</summary>
    private protected abstract IHubCredential ResolveCredential();

    private string DefaultName(string path) => $"{GetType().Name}.{path.Replace(':', '.')}";

    private List<OptionProblem> Problems(Func<string, string> keyOf)
    {
        var problems = new List<OptionProblem>();
        var endpoint = Endpoint;
        if (BaseUrl is null && endpoint.DefaultBaseUrl is null)
        {
            problems.Add(new(keyOf(nameof(BaseUrl)), MissingBaseUrl, ParamName: "options"));
        }

        if (BaseUrls.Problem(BaseUrl, keyOf(nameof(BaseUrl)), endpoint.Example) is { } urlProblem)
        {
            problems.Add(new(keyOf(nameof(BaseUrl)), urlProblem, ParamName: nameof(BaseUrl)));
        }

        // A token in an option that could not be sent is reported by that option's name; resolving it would only repeat it.
        var (tokenOption, token) = TokenOption;
        if (OptionRules.HeaderValue(token, keyOf(tokenOption ?? "Credential"), "the token") is { } tokenProblem)
        {
            problems.Add(tokenProblem);
        }
        else
        {
            AddIfThrows(problems, () => ResolveCredential(), keyOf("Credential"));
        }

        if (OptionRules.HeaderValue(OrganizationIdOrNull, keyOf("OrganizationId"), "the organization id") is { } organizationProblem)
        {
            problems.Add(organizationProblem);
        }

        AddIfThrows(problems, ValidateTransport, keyOf(nameof(HttpMessageHandler)));
        problems.AddRange(new[] { OptionRules.Timeout(Timeout, keyOf(nameof(Timeout))), OptionRules.Retries(MaxRetries, keyOf(nameof(MaxRetries))) }.OfType<OptionProblem>());
        problems.AddRange(OptionRules.Headers(Headers, keyOf(nameof(Headers)), !string.IsNullOrWhiteSpace(OrganizationIdOrNull)));
        if (OptionRules.Waiting(Waiting, keyOf) is { } waiting)
        {
            problems.Add(waiting);
        }

        problems.AddRange(ApiProblems(keyOf));
        return problems;
    }

    /// <summary>The problems of the options only one API's client has (the Quantum client's <c>MaxCost</c>).</summary>
    private protected virtual IEnumerable<OptionProblem> ApiProblems(Func<string, string> keyOf) => [];

    private static void AddIfThrows(List<OptionProblem> problems, Action check, string key)
    {
        try
        {
            check();
        }
        catch (ArgumentException ex)
        {
            problems.Add(new(key, ex.Message.Split(" (Parameter", 2)[0], ParamName: ex.ParamName));
        }
    }

    private void ValidateTransport()
    {
        var optionsName = GetType().Name;
        if (HttpClient is not null && HttpMessageHandler is not null)
        {
            throw new ArgumentException($"Set either HttpClient or HttpMessageHandler in {optionsName}, not both.", nameof(HttpClient));
        }

        if (HttpMessageHandler is not null)
        {
            RedirectGuard.EnsureNoAutoRedirect(HttpMessageHandler, $"{optionsName}.{nameof(HttpMessageHandler)}");
        }
    }
}
