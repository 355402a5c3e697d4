using System.Security.Cryptography;
using KipuHub.Emulator.Diagnostics;
using KipuHub.Emulator.Faults;
using KipuHub.Emulator.Platform;
using KipuHub.Emulator.Quantum;
using KipuHub.Emulator.Service;

namespace KipuHub.Emulator;

/// <summary>The emulator's whole state and settings, shared by every route; options are resolved once at start.</summary>
internal sealed class HubRuntime : IDisposable
{
    private long _ordinal;

    public HubRuntime(KipuHubEmulatorOptions options)
    {
        Options = options;
        Time = options.TimeProvider ?? TimeProvider.System;
        Seed = options.Seed ?? RandomNumberGenerator.GetInt32(int.MaxValue);
        Users = options.Users.Count > 0 ? options.Users.ToArray() : [new EmulatorUser("emulator-user", NewToken("kqh_emu_"))];
        OrganizationIds = options.OrganizationIds.Count > 0 ? options.OrganizationIds.ToArray() : ["org-kipu-demo", "org-acme"];
        ServiceTokens = options.ServiceTokens.Count > 0 ? options.ServiceTokens.ToArray() : [NewToken("kqh_svc_")];
        UsersByToken = Users.ToDictionary(u => u.Token, StringComparer.Ordinal);
        Faults = new FaultInjector(Seed, options.Faults);
        Requests = new RequestLog(options.RequestLogCapacity);
        Executions = new ServiceExecutionStore();
        Platform = new PlatformState(options.SeededServiceCount);
    }

    public KipuHubEmulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public int Seed { get; }

    public IReadOnlyList<EmulatorUser> Users { get; }

    public IReadOnlyDictionary<string, EmulatorUser> UsersByToken { get; }

    public IReadOnlyList<string> OrganizationIds { get; }

    public IReadOnlyList<string> ServiceTokens { get; }

    public FaultInjector Faults { get; }

    public RequestLog Requests { get; }

    public BackendCatalog Catalog { get; } = new();

    public OwnedStore<JobRecord> Jobs { get; } = new();

    public OwnedStore<SessionRecord> Sessions { get; } = new();

    public ServiceExecutionStore Executions { get; }

    /// <summary>The Platform API's catalog, data pools, applications and subscriptions.</summary>
    public PlatformState Platform { get; }

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>The owner of work done by the demo services: the default user's personal context.</summary>
    public string ServiceOwnerKey => "user:" + Users[0].UserId;

    public long NextOrdinal() => Interlocked.Increment(ref _ordinal);

    /// <summary>A per-job sampling seed: the same emulator seed and submission order give the same counts.</summary>
    public int SeedFor(long ordinal)
    {
        unchecked
        {
            // SplitMix64 finalizer: neighbouring ordinals get unrelated seeds.
            var z = ((ulong)(uint)Seed << 32) + (ulong)ordinal + 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (int)(z ^ (z >> 31));
        }
    }

    /// <summary>The catalog's queue plus this emulator's unfinished jobs on the backend.</summary>
    public int QueueSize(BackendDefinition backend)
    {
        var now = Now;
        return backend.QueueSize + Jobs.All.Count(j => ReferenceEquals(j.Backend, backend) && !j.StateAt(now).IsTerminal);
    }

    /// <summary>Removes what the emulator stored on disk (data pool files).</summary>
    public void Dispose() => Platform.Dispose();

    private static string NewToken(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
}
