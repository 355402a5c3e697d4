using KipuHub.Credentials.Internal;
using KipuHub.Internal;

namespace KipuHub.Credentials;

/// <summary>
/// Reads the token from the first set variable of <c>KQH_SERVICE_EXECUTION_TOKEN</c>, <c>KQH_PERSONAL_ACCESS_TOKEN</c>,
/// and the legacy <c>PLANQK_SERVICE_EXECUTION_TOKEN</c>, <c>SERVICE_EXECUTION_TOKEN</c>, <c>PLANQK_PERSONAL_ACCESS_TOKEN</c>.
/// </summary>
/// <remarks>The variables are read on every call, so a changed value is picked up; a blank value counts as not set.</remarks>
public sealed class EnvironmentCredential : HubCredential, ITokenSource
{
    private readonly CredentialEnvironment _environment;

    /// <summary>Creates the credential.</summary>
    /// <param name="environment">Where to read variables; <see langword="null"/> for the current process.</param>
    public EnvironmentCredential(CredentialEnvironment? environment = null) => _environment = environment ?? CredentialEnvironment.Current;

    /// <summary>Gets the variables read, in order of precedence.</summary>
    public static IReadOnlyList<string> VariableNames { get; } =
    [
        "KQH_SERVICE_EXECUTION_TOKEN",
        "KQH_PERSONAL_ACCESS_TOKEN",
        "PLANQK_SERVICE_EXECUTION_TOKEN",
        "SERVICE_EXECUTION_TOKEN",
        "PLANQK_PERSONAL_ACCESS_TOKEN",
    ];

    /// <inheritdoc />
    /// <exception cref="CredentialUnavailableException">No variable is set, or the first one set holds a character that cannot be sent in a header (a line break, a control or non-ASCII character); the message names the variable, never its value.</exception>
    public override async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        var tried = new List<string>();
        var resolved = await ((ITokenSource)this).TryResolveAsync(tried, cancellationToken).ConfigureAwait(false);
        return resolved?.Token ?? throw new CredentialUnavailableException(
            "No token environment variable is set. Set KQH_PERSONAL_ACCESS_TOKEN to a personal access token (inside a managed service, KQH_SERVICE_EXECUTION_TOKEN is set for you).",
            tried);
    }

    /// <inheritdoc />
    ValueTask<ResolvedToken?> ITokenSource.TryResolveAsync(List<string> tried, CancellationToken cancellationToken)
    {
        foreach (var name in VariableNames)
        {
            if (_environment.GetEnvironmentVariable(name) is { } token)
            {
                if (!HeaderValue.IsValid(token))
                {
                    // A variable that is set wins: falling through to the next source could pick another account's token.
                    tried.Add($"environment variable {name}: not a usable token");
                    throw new CredentialUnavailableException(
                        $"The environment variable {name} {HeaderValue.Problem}, so it cannot be sent as a token. Set it to the token alone (no line breaks), or unset it.",
                        tried);
                }

                return ValueTask.FromResult<ResolvedToken?>(new ResolvedToken(token, $"environment variable {name}"));
            }

            tried.Add($"environment variable {name}: not set");
        }

        return ValueTask.FromResult<ResolvedToken?>(null);
    }
}
