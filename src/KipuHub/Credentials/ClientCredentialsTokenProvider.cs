using System.Net.Http.Headers;
using System.Text;
using KipuHub.Credentials.Internal;
using KipuHub.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KipuHub.Credentials;

/// <summary>
/// Mints gateway tokens for the Service API with the OAuth2 client-credentials flow (service-api.md §5): an
/// application's access key id and secret are exchanged at the gateway's token endpoint.
/// </summary>
/// <remarks>
/// <para>
/// The request is <c>POST</c> with the form body <c>grant_type=client_credentials</c> and HTTP Basic authentication
/// of <c>key:secret</c>; the answer's <c>access_token</c> is cached until <see cref="ClientCredentialsTokenProviderOptions.RefreshMargin"/>
/// before its <c>expires_in</c> passes. Concurrent callers share one refresh.
/// </para>
/// <para>
/// When the gateway answers 401 to a token this provider minted (revoked, or expired early), the client's pipeline
/// drops that token, fetches a new one and sends the request once more; a second 401 is an
/// <see cref="UnauthorizedException"/>.
/// </para>
/// <para>Pass it as <c>HubServiceClientOptions.Credential</c>.</para>
/// </remarks>
public sealed class ClientCredentialsTokenProvider : HubCredential, IDisposable, IRefreshableCredential
{
    private const string Operation = "ClientCredentialsTokenProvider.GetTokenAsync";

    // Used when the endpoint omits expires_in: short enough to be safe, long enough not to hammer it.
    private static readonly TimeSpan AssumedLifetime = TimeSpan.FromMinutes(5);

    private readonly ClientCredentialsTokenProviderOptions _options;
    private readonly string _basicCredentials;
    private readonly HttpClient _http;
    private readonly TokenRedactor _redactor = new();
    private readonly HubErrorMapper _errors;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private readonly ILogger _logger;
    private CachedToken? _cached;

    /// <summary>Creates the provider.</summary>
    /// <param name="accessKeyId">The application's access key id (formerly consumer key).</param>
    /// <param name="secretAccessKey">The application's secret access key (formerly consumer secret).</param>
    /// <param name="options">Endpoint, refresh margin, transport and clock; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException"><paramref name="accessKeyId"/> or <paramref name="secretAccessKey"/> is null, empty or white space, or the token endpoint is not an absolute URL.</exception>
    public ClientCredentialsTokenProvider(string accessKeyId, string secretAccessKey, ClientCredentialsTokenProviderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKeyId);
        ArgumentException.ThrowIfNullOrWhiteSpace(secretAccessKey);
        _options = options ?? new ClientCredentialsTokenProviderOptions();
        if (_options.TokenEndpoint is not { IsAbsoluteUri: true })
        {
            throw new ArgumentException("TokenEndpoint must be an absolute URL, for example https://gateway.hub.kipu-quantum.com/token.", nameof(options));
        }

        _basicCredentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{accessKeyId}:{secretAccessKey}"));
        _redactor.Remember(secretAccessKey);
        _redactor.Remember(_basicCredentials);
        _errors = new HubErrorMapper(HubApiKind.TokenEndpoint, _redactor);
        _http = _options.HttpMessageHandler is { } handler
            ? new HttpClient(handler, disposeHandler: false)
            : new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }, disposeHandler: true);
        _http.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        _logger = (_options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ClientCredentialsTokenProvider>();
    }

    /// <inheritdoc />
    /// <exception cref="HubApiException">The token endpoint refused the request (for example <see cref="UnauthorizedException"/> for a wrong key or secret) or answered with something that is not a token.</exception>
    /// <exception cref="HubTimeoutException">The token endpoint did not answer within <see cref="ClientCredentialsTokenProviderOptions.Timeout"/>.</exception>
    public override async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        if (TryGetFresh() is { } token)
        {
            return token;
        }

        // One refresh at a time: callers arriving during a refresh wait for it and take its result.
        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (TryGetFresh() is { } refreshed)
            {
                return refreshed;
            }

            var fetched = await FetchAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _cached, fetched);
            return fetched.Token;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    /// <inheritdoc />
    void IRefreshableCredential.Invalidate(string token)
    {
        // Only the token that was refused: if a concurrent 401 already caused a refresh, the new token stays.
        if (Volatile.Read(ref _cached) is { } cached && string.Equals(cached.Token, token, StringComparison.Ordinal))
        {
            Interlocked.CompareExchange(ref _cached, null, cached);
        }
    }

    /// <summary>Releases the HTTP client (a handler passed in options stays with its owner).</summary>
    public void Dispose()
    {
        _http.Dispose();
        _refreshLock.Dispose();
    }

    private string? TryGetFresh() =>
        Volatile.Read(ref _cached) is { } cached && _options.TimeProvider.GetUtcNow() < cached.RefreshAt ? cached.Token : null;

    private async Task<CachedToken> FetchAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var request = CreateRequest();
            var fetchedAt = _options.TimeProvider.GetUtcNow();
            using var response = await _http.SendAsync(request, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            var headers = ToDictionary(response);
            if (!response.IsSuccessStatusCode)
            {
                throw _errors.FromStatus((int)response.StatusCode, headers, body, null, Operation);
            }

            return Parse(body, (int)response.StatusCode, headers, fetchedAt);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new HubTimeoutException(
                $"The token endpoint {_options.TokenEndpoint} did not answer within {_options.Timeout.TotalSeconds:0.#} s. Check the endpoint and the network, or raise ClientCredentialsTokenProviderOptions.Timeout.",
                _options.Timeout,
                innerException: ex)
            {
                Operation = Operation,
            };
        }
    }

    private HttpRequestMessage CreateRequest() => new(HttpMethod.Post, _options.TokenEndpoint)
    {
        Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("grant_type", "client_credentials")]),
        Headers = { Authorization = new AuthenticationHeaderValue("Basic", _basicCredentials) },
    };

    private CachedToken Parse(string body, int status, Dictionary<string, IEnumerable<string>> headers, DateTimeOffset fetchedAt)
    {
        JObject? json;
        try
        {
            json = JToken.Parse(body) as JObject;
        }
        catch (JsonException ex)
        {
            throw _errors.Unreadable(status, headers, body, "the body is not valid JSON", ex, Operation);
        }

        if (json?["access_token"] is not JValue { Type: JTokenType.String } accessToken || string.IsNullOrWhiteSpace((string?)accessToken))
        {
            throw _errors.Unreadable(status, headers, body, "the JSON has no access_token", null, Operation);
        }

        var token = ((string)accessToken!).Trim();
        var lifetime = json["expires_in"] is JValue { Type: JTokenType.Integer or JTokenType.Float } expiresIn
            ? TimeSpan.FromSeconds((double)expiresIn)
            : AssumedLifetime;
        CredentialLog.TokenFetched(_logger, _options.TokenEndpoint.GetLeftPart(UriPartial.Path), (long)lifetime.TotalSeconds);
        return new CachedToken(token, fetchedAt + RefreshAfter(lifetime));
    }

    // A token living shorter than the margin would be refreshed on every call; use half its life instead.
    private TimeSpan RefreshAfter(TimeSpan lifetime) =>
        lifetime > _options.RefreshMargin ? lifetime - _options.RefreshMargin : lifetime / 2;

    private static Dictionary<string, IEnumerable<string>> ToDictionary(HttpResponseMessage response) =>
        response.Headers.Concat(response.Content.Headers)
            .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.SelectMany(h => h.Value), StringComparer.OrdinalIgnoreCase);

    private sealed record CachedToken(string Token, DateTimeOffset RefreshAt);
}
