using KipuHub.Emulator.Faults;
using Microsoft.Extensions.Logging;

namespace KipuHub.Emulator;

/// <summary>Configures a <see cref="KipuHubEmulator"/>. Every setting has a default suited to fast tests.</summary>
public sealed class KipuHubEmulatorOptions
{
    /// <summary>The loopback port to listen on; 0 (the default) picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>
    /// Users and their personal access tokens for the Quantum API. Empty (the default) means one user, <c>emulator-user</c>,
    /// with a random token, available as <see cref="KipuHubEmulator.AccessToken"/>. The first user is the default.
    /// </summary>
    public IList<EmulatorUser> Users { get; } = new List<EmulatorUser>();

    /// <summary>Organizations that exist. Empty (the default) means <c>org-kipu-demo</c> and <c>org-acme</c>.</summary>
    public IList<string> OrganizationIds { get; } = new List<string>();

    /// <summary>
    /// Bearer tokens the Service gateway accepts. Empty (the default) means one random token, available as
    /// <see cref="KipuHubEmulator.ServiceToken"/>.
    /// </summary>
    public IList<string> ServiceTokens { get; } = new List<string>();

    /// <summary>How long a job stays PENDING (default 20 ms).</summary>
    public TimeSpan JobPendingDuration { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How long a job stays RUNNING before it ends (default 50 ms).</summary>
    public TimeSpan JobRunningDuration { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How long a cancelled job stays CANCELLING before it is CANCELLED (default 10 ms).</summary>
    public TimeSpan JobCancellingDuration { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>How long a service execution stays PENDING (default 20 ms).</summary>
    public TimeSpan ServiceExecutionPendingDuration { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How long a service execution stays RUNNING at least (default 50 ms); the Bell sampler also waits for its job.</summary>
    public TimeSpan ServiceExecutionRunningDuration { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The lifetime of a session created without <c>ttl</c> (default 1 hour).</summary>
    public TimeSpan DefaultSessionTtl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The longest <c>ttl</c> a session may ask for (default 8 hours); more is a 422.</summary>
    public TimeSpan MaxSessionTtl { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Seeds measurement sampling and fault probabilities; the same seed gives the same counts. Null (the default) is random.</summary>
    public int? Seed { get; set; }

    /// <summary>The clock that moves jobs, sessions and executions along; inject a fake one to step time in tests.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Fault rules active from the start; more can be added at run time through <see cref="KipuHubEmulator.Faults"/>.</summary>
    public IList<FaultRule> Faults { get; } = new List<FaultRule>();

    /// <summary>Backends whose jobs end FAILED (after running), to test failure handling.</summary>
    public ISet<string> FailingBackendIds { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The largest circuit the state-vector simulator runs (default 20 qubits); larger jobs are accepted and end FAILED.</summary>
    public int MaxSimulatedQubits { get; set; } = 20;

    /// <summary>The largest result a job may ask for with the <c>emulator_result_bytes</c> input parameter (default 1 GiB).</summary>
    public long MaxResultBytes { get; set; } = 1L << 30;

    /// <summary>The largest request body accepted (default 10 MiB); larger bodies get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>The largest data pool file accepted (default 1 GiB); larger uploads get 413. Files are stored on disk, not in memory.</summary>
    public long MaxDataPoolFileBytes { get; set; } = 1L << 30;

    /// <summary>How many catalog-only services the Platform API lists besides the demo services (default 25), to page through.</summary>
    public int SeededServiceCount { get; set; } = 25;

    /// <summary>How many requests the request log keeps; older entries are dropped (default 100,000).</summary>
    public int RequestLogCapacity { get; set; } = 100_000;

    /// <summary>Receives ASP.NET Core's logs; null (the default) keeps the emulator silent.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
