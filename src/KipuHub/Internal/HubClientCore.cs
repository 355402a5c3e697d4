namespace KipuHub.Internal;

/// <summary>
/// What every facade client shares: the one configured <see cref="HttpClient"/>, its base URL, the error mapper,
/// lazy creation of namespaces, the passthrough and disposal.
/// </summary>
internal sealed class HubClientCore : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttpClient;
    private volatile bool _disposed;

    /// <summary>Creates the core over a configured client.</summary>
    /// <param name="http">The configured client; its <see cref="HttpClient.BaseAddress"/> must be <paramref name="baseUrl"/>.</param>
    /// <param name="ownsHttpClient">Whether disposing the facade disposes <paramref name="http"/> (only when the facade created it).</param>
    /// <param name="baseUrl">The normalised base URL.</param>
    /// <param name="errors">The error mapper of this client's API.</param>
    /// <param name="timeProvider">The clock for waiting and polling; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="defaultWaitOptions">The polling policy for waits that pass none; <see cref="Waiting.WaitOptions.Default"/> when null.</param>
    /// <param name="organizationId">The organization requests are scoped to, or <see langword="null"/>.</param>
    public HubClientCore(HttpClient http, bool ownsHttpClient, Uri baseUrl, HubErrorMapper errors, TimeProvider? timeProvider = null, Waiting.WaitOptions? defaultWaitOptions = null, string? organizationId = null)
    {
        OrganizationId = organizationId;
        (defaultWaitOptions ?? Waiting.WaitOptions.Default).Validate();
        DefaultWaitOptions = defaultWaitOptions ?? Waiting.WaitOptions.Default;
        TimeProvider = timeProvider ?? TimeProvider.System;
        _http = http;
        _ownsHttpClient = ownsHttpClient;
        BaseUrl = baseUrl;
        Errors = errors;
    }

    /// <summary>Creates the core for validated options, building and owning the pipeline.</summary>
    public static HubClientCore Create(PipelineSettings settings) => new(
        Http.HubHttpPipeline.Create(settings),
        ownsHttpClient: true,
        settings.BaseUrl,
        new HubErrorMapper(settings.Api, settings.Redactor),
        settings.TimeProvider,
        settings.Waiting,
        settings.OrganizationId)
    {
        LoggerFactory = settings.LoggerFactory,
    };

    /// <summary>
    /// Creates the core over an <see cref="HttpClient"/> that already runs the SDK's handlers (built with
    /// <see cref="Http.HubHttpPipeline.CreateHandlers"/>), which stays with its owner.
    /// </summary>
    /// <exception cref="ArgumentException">The client's <see cref="HttpClient.BaseAddress"/> is another URL than the options'.</exception>
    public static HubClientCore CreateOver(HttpClient pipeline, PipelineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        if (pipeline.BaseAddress is null)
        {
            pipeline.BaseAddress = settings.BaseUrl;
        }
        else if (pipeline.BaseAddress != settings.BaseUrl)
        {
            throw new ArgumentException(
                $"The HttpClient's BaseAddress '{pipeline.BaseAddress}' is not the options' base URL '{settings.BaseUrl}'. Leave BaseAddress unset, or set it to the same URL ending in '/'.",
                nameof(pipeline));
        }

        return new(pipeline, ownsHttpClient: false, settings.BaseUrl, new HubErrorMapper(settings.Api, settings.Redactor), settings.TimeProvider, settings.Waiting, settings.OrganizationId)
        {
            LoggerFactory = settings.LoggerFactory,
        };
    }

    /// <summary>Gets the polling policy for waits that pass none.</summary>
    public Waiting.WaitOptions DefaultWaitOptions { get; }

    /// <summary>Gets the organization requests are scoped to, or <see langword="null"/>.</summary>
    public string? OrganizationId { get; }

    /// <summary>Gets the options' logger factory, for the facade's own warnings (a session about to expire); null when none was given.</summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Gets the clock used for waiting and polling (injectable so tests and benchmarks run on fake time).</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Gets the base URL (ends with '/').</summary>
    public Uri BaseUrl { get; }

    /// <summary>Gets the error mapper.</summary>
    public HubErrorMapper Errors { get; }

    /// <summary>Returns the namespace in <paramref name="field"/>, creating it on first use over the shared client.</summary>
    public T GetOrCreate<T>(ref T? field, Func<HttpClient, HubErrorMapper, T> create)
        where T : class
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Volatile.Read(ref field) is { } existing)
        {
            return existing;
        }

        // Two threads may both create one; the loser's instance is dropped, which is harmless (namespaces are stateless).
        Interlocked.CompareExchange(ref field, create(_http, Errors), null);
        return field!;
    }

    /// <summary>Sends a request through the client's pipeline; relative URIs resolve against <see cref="BaseUrl"/>.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(_disposed, this);
        request.RequestUri = Resolve(request.RequestUri);
        return Errors.RunAsync(
            () => _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken),
            operation,
            cancellationToken);
    }

    /// <summary>Releases the client when the facade created it.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_ownsHttpClient)
        {
            _http.Dispose();
        }
    }

    // "jobs/1" and "/jobs/1" both mean <base>/jobs/1, like the TypeScript client.fetch joins paths.
    // On Unix, new Uri("/jobs/1", RelativeOrAbsolute) is an absolute file:// URI; it is a path here too.
    private Uri Resolve(Uri? requestUri) => requestUri switch
    {
        null => BaseUrl,
        { IsAbsoluteUri: true, IsFile: true } when requestUri.OriginalString.StartsWith('/') => Relative(requestUri.OriginalString),
        { IsAbsoluteUri: true } => requestUri,
        _ => Relative(requestUri.OriginalString),
    };

    private Uri Relative(string path) => new(BaseUrl, path.TrimStart('/'));
}
