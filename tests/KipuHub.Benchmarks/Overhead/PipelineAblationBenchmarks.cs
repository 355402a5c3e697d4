using BenchmarkDotNet.Attributes;
using KipuHub.Generated.Quantum;
using KipuHub.Http;
using KipuHub.Http.Internal;
using KipuHub.Internal;
using KipuHub.Quantum.Internal;

namespace KipuHub.Benchmarks.Overhead;

/// <summary>
/// Where the facade's per-call cost goes: GetJobStatus through the raw generated client over the facade's pipeline
/// with one handler left out at a time ("none" = the whole pipeline), with and without the error-mapping decorator. A profiling aid (<c>--ablation</c>), not a
/// published figure.
/// </summary>
[MemoryDiagnoser]
public class PipelineAblationBenchmarks
{
    private CannedResponses _canned = null!;
    private CannedHandler _handler = null!;
    private HttpClient _http = null!;
    private JobsClient _jobs = null!;
    private ErrorMappingJobsClient _decorated = null!;

    [Params("none", nameof(UserAgentHandler), nameof(RetryHandler), nameof(LoggingHandler), nameof(TimeoutHandler),
        nameof(RedirectHandler), nameof(OrganizationHandler), nameof(ApiKeyAuthHandler), "AsyncOnlyHandler", nameof(ResponseHintsHandler))]
    public string Without { get; set; } = "none";

    [GlobalSetup]
    public void GlobalSetup()
    {
        _canned = CannedResponses.Instance;
        _handler = new CannedHandler(_canned);
        var settings = new HubQuantumClientOptions
        {
            ApiKey = CallOverheadBenchmarks.Token,
            OrganizationId = CallOverheadBenchmarks.Organization,
            BaseUrl = CallOverheadBenchmarks.BaseUrl,
            HttpMessageHandler = _handler,
        }.ToPipelineSettings();
        HttpMessageHandler top = new HandlerTransport(_handler);
        var (perCall, perAttempt) = HubPipelineRecipe.CreateStages(settings, sdkRetries: true);
        DelegatingHandler[] all = [.. perCall, new RetryHandler(settings.MaxRetries, settings.TimeProvider, settings.LoggerFactory), .. perAttempt];
        foreach (var handler in all.Reverse().Where(h => h.GetType().Name != Without))
        {
            handler.InnerHandler = top;
            top = handler;
        }

        _http = new HttpClient(top) { BaseAddress = CallOverheadBenchmarks.BaseUrl, Timeout = Timeout.InfiniteTimeSpan };
        _jobs = new JobsClient(_http);
        _decorated = new ErrorMappingJobsClient(_jobs, new HubErrorMapper(HubApiKind.Quantum, settings.Redactor));
    }

    [GlobalCleanup]
    public void GlobalCleanup() => _http.Dispose();

    [Benchmark]
    public Task<JobStatusResponse> GetJobStatus() => _jobs.GetJobStatusAsync(_canned.JobId);

    /// <summary>The same through the facade's error-mapping decorator.</summary>
    [Benchmark]
    public Task<JobStatusResponse> GetJobStatusDecorated() => _decorated.GetJobStatusAsync(_canned.JobId);
}
