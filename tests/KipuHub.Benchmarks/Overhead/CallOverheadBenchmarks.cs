using BenchmarkDotNet.Attributes;
using KipuHub.Benchmarks.Support;
using KipuHub.Generated.Quantum;
using KipuHub.Http;

namespace KipuHub.Benchmarks.Overhead;

/// <summary>
/// Time and allocations per call of four operations through the facade, the raw generated client and a hand-written
/// baseline, all over the same in-memory <see cref="CannedHandler"/>.
/// </summary>
/// <remarks>
/// Fairness: the facade necessarily sends X-Auth-Token, X-OrganizationId and its User-Agent. The raw and hand-written
/// clients send the same three (plus the same Accept) as <see cref="HttpClient.DefaultRequestHeaders"/>, and
/// <see cref="GlobalSetup"/> refuses to run unless all three clients send the same header names.
/// </remarks>
[MemoryDiagnoser]
public class CallOverheadBenchmarks
{
    public const string Token = "kqh-benchmark-token-0123456789abcdef";
    public const string Organization = "org-benchmark";
    public static readonly Uri BaseUrl = new("https://hub.benchmark.invalid/quantum/");

    private CannedResponses _canned = null!;
    private CannedHandler _handler = null!;
    private HubQuantumClient _facade = null!;
    private HttpClient _rawHttp = null!;
    private HttpClient _handWrittenHttp = null!;
    private JobsClient _rawJobs = null!;
    private BackendsClient _rawBackends = null!;
    private HandWrittenClient _handWritten = null!;
    private CreateJobRequest _request = null!;

    public enum Call
    {
        GetJob,
        GetJobStatus,
        CreateJob,
        GetBackends,
    }

    [ParamsAllValues]
    public Call Op { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        _canned = CannedResponses.Instance;
        _handler = new CannedHandler(_canned);
        _request = Workloads.Bell(shots: 100);
        _facade = new HubQuantumClient(new HubQuantumClientOptions
        {
            ApiKey = Token,
            OrganizationId = Organization,
            BaseUrl = BaseUrl,
            HttpMessageHandler = _handler,
        });
        _rawHttp = CreateHttpClient(_handler);
        _rawJobs = new JobsClient(_rawHttp);
        _rawBackends = new BackendsClient(_rawHttp);
        _handWrittenHttp = CreateHttpClient(_handler);
        _handWrittenHttp.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        _handWritten = new HandWrittenClient(_handWrittenHttp);
        EnsureSameHeaders();
    }

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        _facade.Dispose();
        _rawHttp.Dispose();
        _handWrittenHttp.Dispose();
        _handler.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task HandWritten() => Op switch
    {
        Call.GetJob => _handWritten.GetJobAsync(_canned.JobId),
        Call.GetJobStatus => _handWritten.GetJobStatusAsync(_canned.JobId),
        Call.CreateJob => _handWritten.CreateJobAsync(_request),
        _ => _handWritten.GetBackendsAsync(),
    };

    [Benchmark]
    public Task Raw() => Op switch
    {
        Call.GetJob => _rawJobs.GetJobAsync(_canned.JobId),
        Call.GetJobStatus => _rawJobs.GetJobStatusAsync(_canned.JobId),
        Call.CreateJob => _rawJobs.CreateJobAsync(_request),
        _ => _rawBackends.GetBackendsAsync(),
    };

    [Benchmark]
    public Task Facade() => Op switch
    {
        Call.GetJob => _facade.Jobs.GetJobAsync(_canned.JobId),
        Call.GetJobStatus => _facade.Jobs.GetJobStatusAsync(_canned.JobId),
        Call.CreateJob => _facade.Jobs.CreateJobAsync(_request),
        _ => _facade.Backends.GetBackendsAsync(),
    };

    /// <summary>The raw and hand-written clients get the facade's headers as defaults: same bytes on the wire.</summary>
    private static HttpClient CreateHttpClient(HttpMessageHandler handler)
    {
        var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = BaseUrl };
        http.DefaultRequestHeaders.TryAddWithoutValidation(ApiKeyAuthHandler.HeaderName, Token);
        http.DefaultRequestHeaders.TryAddWithoutValidation(OrganizationHandler.HeaderName, Organization);
        http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgentHandler.DefaultUserAgent);
        return http;
    }

    private void EnsureSameHeaders()
    {
        var sent = new Dictionary<string, string>();
        foreach (var (name, call) in new (string, Func<Task>)[] { ("facade", Facade), ("raw", Raw), ("hand-written", HandWritten) })
        {
            _handler.RecordedHeaderNames = [];
            call().GetAwaiter().GetResult();
            sent[name] = string.Join(", ", _handler.RecordedHeaderNames.Order(StringComparer.OrdinalIgnoreCase));
        }

        _handler.RecordedHeaderNames = null;
        if (sent.Values.Distinct().Count() != 1)
        {
            throw new InvalidOperationException("The clients do not send the same headers, so the comparison would not be fair: " +
                string.Join("; ", sent.Select(kv => $"{kv.Key}: {kv.Value}")));
        }
    }
}
