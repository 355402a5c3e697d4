namespace KipuHub.Emulator.Faults;

/// <summary>
/// The emulator's fault rules, changeable while it runs (thread-safe). Rules are checked in the order they were added;
/// the first that fires decides the request's fate. With no rules (the default) nothing is injected.
/// </summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<FaultRule> _rules = [];
    private readonly Random _random;

    internal FaultInjector(int seed, IEnumerable<FaultRule> initialRules)
    {
        _random = new Random(seed);
        _rules.AddRange(initialRules);
    }

    /// <summary>A snapshot of the active rules, in the order they are checked.</summary>
    public IReadOnlyList<FaultRule> Rules
    {
        get
        {
            lock (_gate)
            {
                return _rules.ToArray();
            }
        }
    }

    /// <summary>Adds a rule after the existing ones.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The same rule, so a test can keep it and read <see cref="FaultRule.Hits"/> later.</returns>
    public FaultRule Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_gate)
        {
            _rules.Add(rule);
        }

        return rule;
    }

    /// <summary>Removes a rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>True if it was active.</returns>
    public bool Remove(FaultRule rule)
    {
        lock (_gate)
        {
            return _rules.Remove(rule);
        }
    }

    /// <summary>Removes every rule: the emulator behaves normally again.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>The rule that fires for this request, if any.</summary>
    internal FaultRule? Decide(string method, string path)
    {
        lock (_gate)
        {
            foreach (var rule in _rules)
            {
                if (rule.TryFire(method, path, _random))
                {
                    return rule;
                }
            }

            return null;
        }
    }
}
