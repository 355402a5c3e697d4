using KipuHub.Internal;

namespace KipuHub.Http.Internal;

/// <summary>
/// <see cref="HubRequestOptions"/> checked and frozen: what the handlers read from a request (<see cref="RequestProperties.Overrides"/>).
/// Checked with the client options' rules (<see cref="OptionRules"/>), so a value that cannot be sent never reaches a handler.
/// </summary>
internal sealed class RequestOverrides
{
    private const string Name = nameof(HubRequestOptions);

    private static volatile bool s_anyCreated;

    private RequestOverrides(string? organizationId, TimeSpan? timeout, int? maxRetries, KeyValuePair<string, string>[] headers)
    {
        OrganizationId = organizationId;
        Timeout = timeout;
        MaxRetries = maxRetries;
        Headers = headers;
    }

    /// <summary>Gets whether this process has created any overrides (until then no request can carry them).</summary>
    public static bool AnyCreated => s_anyCreated;

    /// <summary>Gets the organization id, trimmed, or <see langword="null"/>.</summary>
    public string? OrganizationId { get; }

    /// <summary>Gets the per-attempt timeout, or <see langword="null"/>.</summary>
    public TimeSpan? Timeout { get; }

    /// <summary>Gets the retry count, or <see langword="null"/>.</summary>
    public int? MaxRetries { get; }

    /// <summary>Gets the extra headers (values trimmed), inner scope first.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>Checks <paramref name="options"/> and lays it over <paramref name="outer"/> (its values win; headers are merged).</summary>
    /// <exception cref="ArgumentException">A value that cannot be sent (see <see cref="HubRequestContext.Begin"/>).</exception>
    public static RequestOverrides Merge(RequestOverrides? outer, HubRequestOptions options)
    {
        var problems = Problems(options).ToList();
        OptionRules.ThrowIfAny(problems);
        s_anyCreated = true;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in outer?.Headers ?? [])
        {
            headers[name] = value;
        }

        foreach (var (name, value) in options.Headers ?? new Dictionary<string, string>())
        {
            headers[name.Trim()] = value?.Trim() ?? string.Empty;
        }

        return new(
            string.IsNullOrWhiteSpace(options.OrganizationId) ? outer?.OrganizationId : options.OrganizationId.Trim(),
            options.Timeout ?? outer?.Timeout,
            options.MaxRetries ?? outer?.MaxRetries,
            [.. headers]);
    }

    /// <summary>Returns a copy as public options (for <see cref="HubRequestContext.Current"/>).</summary>
    public HubRequestOptions ToOptions()
    {
        var options = new HubRequestOptions { OrganizationId = OrganizationId, Timeout = Timeout, MaxRetries = MaxRetries };
        foreach (var (name, value) in Headers)
        {
            options.Headers[name] = value;
        }

        return options;
    }

    private static IEnumerable<OptionProblem> Problems(HubRequestOptions options)
    {
        if (options.OrganizationId is { } organization && organization.Length > 0 && string.IsNullOrWhiteSpace(organization))
        {
            yield return new($"{Name}.OrganizationId", $"{Name}.OrganizationId is white space; set an organization id, or null to keep the client's.", ParamName: "options");
        }

        if (OptionRules.HeaderValue(options.OrganizationId, $"{Name}.OrganizationId", "the organization id") is { } organizationProblem)
        {
            yield return organizationProblem with { ParamName = "options" };
        }

        if (options.Timeout is { } timeout && OptionRules.Timeout(timeout, $"{Name}.Timeout") is { } timeoutProblem)
        {
            yield return timeoutProblem with { ParamName = "options" };
        }

        if (options.MaxRetries is { } retries && OptionRules.Retries(retries, $"{Name}.MaxRetries") is { } retriesProblem)
        {
            yield return retriesProblem with { ParamName = "options" };
        }

        // hasOrganization: the organization of a request is set with OrganizationId, never as a raw header.
        foreach (var problem in OptionRules.Headers(options.Headers, $"{Name}.Headers", hasOrganization: true))
        {
            yield return problem with { ParamName = "options" };
        }
    }
}
