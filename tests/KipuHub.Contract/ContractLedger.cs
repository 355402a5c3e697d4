using System.Collections.Concurrent;
using System.Diagnostics;
using KipuHub.Contract.Validation;

namespace KipuHub.Contract;

/// <summary>Everything the contract checks saw in one test process: validated exchanges per operation, violations, exclusions.</summary>
public sealed class ContractLedger
{
    private readonly ConcurrentDictionary<string, int> _validatedByOperation = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _excluded = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ContractViolation> _violations = new();
    private readonly ConcurrentQueue<ContractViolation> _rejected = new();
    private readonly ConcurrentDictionary<string, byte> _implemented = new(StringComparer.Ordinal);
    private long _exchanges;
    private long _bodies;
    private long _unmatched;
    private long _oversized;
    private long _validationTicks;

    /// <summary>Exchanges validated.</summary>
    public long Exchanges => Interlocked.Read(ref _exchanges);

    /// <summary>Bodies (request and response) checked against a schema.</summary>
    public long BodiesValidated => Interlocked.Read(ref _bodies);

    /// <summary>Exchanges on a path no spec has (a test probing a 404); a success there is a violation.</summary>
    public long Unmatched => Interlocked.Read(ref _unmatched);

    /// <summary>Exchanges with a body not recorded (not JSON, or JSON over the capture limit): status and media type were still checked.</summary>
    public long Oversized => Interlocked.Read(ref _oversized);

    /// <summary>Time spent validating (capturing aside).</summary>
    public TimeSpan ValidationTime => TimeSpan.FromTicks(Interlocked.Read(ref _validationTicks));

    /// <summary>Validated exchanges by operation key.</summary>
    public IReadOnlyDictionary<string, int> ValidatedByOperation => _validatedByOperation;

    /// <summary>Exchanges not validated, by reason (an injected fault that changes the bytes, an aborted connection).</summary>
    public IReadOnlyDictionary<string, int> Excluded => _excluded;

    /// <summary>Every violation, in arrival order.</summary>
    public IReadOnlyCollection<ContractViolation> Violations => _violations;

    /// <summary>Request bodies that break the spec and that the emulator rejected (tests of its validation).</summary>
    public IReadOnlyCollection<ContractViolation> RejectedRequests => _rejected;

    /// <summary>The operations the emulators started in this process implement (from their route tables).</summary>
    public IReadOnlyCollection<string> ImplementedOperations => _implemented.Keys.ToList();

    internal void Exclude(string reason) => _excluded.AddOrUpdate(reason, 1, (_, n) => n + 1);

    internal void AddImplemented(IEnumerable<string> operationKeys)
    {
        foreach (var key in operationKeys)
        {
            _implemented.TryAdd(key, 0);
        }
    }

    internal void Record(HttpExchange exchange, ContractValidator validator)
    {
        var started = Stopwatch.GetTimestamp();
        ExchangeVerdict verdict;
        try
        {
            verdict = validator.Validate(exchange);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A validator crash must fail the run like a violation, not vanish in Kestrel's OnCompleted logging.
            verdict = new ExchangeVerdict(null, [new ContractViolation($"{exchange.Method} {exchange.Path}", $"{exchange.Method} {exchange.Path}", exchange.Status, "validator", string.Empty, e.ToString())], [], 0);
        }

        Interlocked.Add(ref _validationTicks, Stopwatch.GetElapsedTime(started).Ticks);
        if (verdict.NotJudged is { } reason)
        {
            Exclude(reason);
            return;
        }

        Interlocked.Increment(ref _exchanges);
        Interlocked.Add(ref _bodies, verdict.BodiesValidated);
        if (exchange.RequestBody is null || exchange.ResponseBody is null)
        {
            Interlocked.Increment(ref _oversized);
        }

        if (verdict.OperationKey is { } key)
        {
            _validatedByOperation.AddOrUpdate(key, 1, (_, n) => n + 1);
        }
        else
        {
            Interlocked.Increment(ref _unmatched);
        }

        foreach (var violation in verdict.Violations)
        {
            _violations.Enqueue(violation);
        }

        foreach (var violation in verdict.RejectedRequestViolations)
        {
            _rejected.Enqueue(violation);
        }
    }
}
