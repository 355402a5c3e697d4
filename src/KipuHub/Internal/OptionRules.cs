using System.Globalization;
using KipuHub.Http;
using KipuHub.Waiting;

namespace KipuHub.Internal;

/// <summary>
/// The one place where client options are checked and the messages for a bad option are written, so the same
/// mistake reads the same way through <c>new HubQuantumClient(...)</c> and through <c>AddKipuHub</c> (which maps its
/// configuration onto the public client options and asks <see cref="HubClientOptions.Validate"/>).
/// </summary>
/// <remarks>Each check names the option through <c>keyOf</c>: <c>HubQuantumClientOptions.Timeout</c> in code, <c>KipuHub:Timeout</c> from configuration.</remarks>
internal static class OptionRules
{
    // Credentials have their own options; letting them in through Headers would bypass the host check.
    private static readonly string[] CredentialHeaders = ["Authorization", ApiKeyAuthHandler.HeaderName];

    /// <summary>The per-attempt timeout: positive, or infinite.</summary>
    public static OptionProblem? Timeout(TimeSpan timeout, string key) =>
        timeout <= TimeSpan.Zero && timeout != System.Threading.Timeout.InfiniteTimeSpan
            ? new(key, $"{key} must be positive, or Timeout.InfiniteTimeSpan for no limit (got {timeout.ToString("c", CultureInfo.InvariantCulture)}).", OutOfRange: true)
            : null;

    /// <summary>The retry count: 0 or more.</summary>
    public static OptionProblem? Retries(int maxRetries, string key) =>
        maxRetries < 0 ? new(key, $"{key} must be 0 or more (got {maxRetries}).", OutOfRange: true) : null;

    /// <summary>The cost budget: none (null), or 0 or more in the backends' currency.</summary>
    public static OptionProblem? MaxCost(decimal? maxCost, string key) =>
        maxCost < 0
            ? new(key, $"{key} must be 0 or more, in the backends' currency (0 allows only free jobs), or null for no budget (got {maxCost.Value.ToString(CultureInfo.InvariantCulture)}).", OutOfRange: true)
            : null;

    /// <summary>A client's budget: its own (MaxCost) or a shared one (CostBudget), not both.</summary>
    public static OptionProblem? OneBudget(decimal? maxCost, HubCostBudget? shared, string maxCostKey, string sharedKey) =>
        maxCost is not null && shared is not null
            ? new(maxCostKey, $"Set {maxCostKey} (a budget of this client's own) or {sharedKey} (a shared one), not both: the shared budget already has its limit ({shared.MaxCost.ToString(CultureInfo.InvariantCulture)}).")
            : null;

    /// <summary>Extra headers: named, no credentials, no second organization.</summary>
    public static IEnumerable<OptionProblem> Headers(IEnumerable<KeyValuePair<string, string>>? headers, string key, bool hasOrganization)
    {
        foreach (var (name, value) in headers ?? [])
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                yield return new(key, $"{key} contains an empty header name.");
            }
            else if (!Internal.HeaderValue.IsValid(name) || name.Contains(':') || name.Contains(' '))
            {
                yield return new(key, $"{key} contains a header name that cannot be sent (a space, a colon, a line break or another character HTTP does not allow in a name).");
            }
            else if (value is not null && !Internal.HeaderValue.IsValid(value.Trim()))
            {
                // The value is never quoted: it could be a secret.
                yield return new(key, $"{key}:{name} {Internal.HeaderValue.Problem}. It is sent as an HTTP header: remove the line break or other character around it.");
            }
            else if (CredentialHeaders.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                yield return new(key, $"{key}:{name} must not be set: pass the token through the credential options (ApiKey, Token, Credential; with AddKipuHub also the access key pair or WithCredential), which keep it on the configured host.");
            }
            else if (hasOrganization && string.Equals(name, OrganizationHandler.HeaderName, StringComparison.OrdinalIgnoreCase))
            {
                yield return new(key, $"{key}:{name} sets the organization a second time; set only OrganizationId.");
            }
        }
    }

    /// <summary>A token or organization id the SDK sends as a header: nothing that could end the header (see <see cref="HeaderValue"/>).</summary>
    /// <param name="value">The option's value; never quoted.</param>
    /// <param name="key">The option as the user named it.</param>
    /// <param name="what">What the option holds, for the advice: "the token", "the organization id".</param>
    public static OptionProblem? HeaderValue(string? value, string key, string what) =>
        value is null || Internal.HeaderValue.IsValid(value.Trim())
            ? null
            : new(key, $"{key} {Internal.HeaderValue.Problem}. It is sent as an HTTP header, so it must be {what} alone: copy it again without line breaks or other characters around it.");

    /// <summary>The polling policy, checked by <see cref="WaitOptions.Validate"/>.</summary>
    public static OptionProblem? Waiting(WaitOptions? waiting, Func<string, string> keyOf)
    {
        try
        {
            waiting?.Validate();
            return null;
        }
        catch (ArgumentOutOfRangeException ex)
        {
            var key = keyOf($"Waiting:{ex.ParamName}");
            return new(key, $"{key}: {ex.Message.Split(" (Parameter", 2)[0]}", OutOfRange: true);
        }
    }

    /// <summary>Throws the first problem as the exception a constructor throws: <see cref="ArgumentOutOfRangeException"/> for a value out of range, else <see cref="ArgumentException"/>.</summary>
    public static void ThrowIfAny(IReadOnlyList<OptionProblem> problems)
    {
        if (problems.Count == 0)
        {
            return;
        }

        var first = problems[0];
        var parameter = first.ParamName ?? first.Option.Split('.', ':')[^1];
        throw first.OutOfRange
            ? new ArgumentOutOfRangeException(parameter, first.Message)
            : new ArgumentException(first.Message, parameter);
    }
}
