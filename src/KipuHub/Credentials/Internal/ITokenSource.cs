namespace KipuHub.Credentials.Internal;

/// <summary>
/// A credential that can say where it looked. <see cref="DefaultCredentialsProvider"/> chains these and reports every
/// place tried in one <see cref="CredentialUnavailableException"/>.
/// </summary>
internal interface ITokenSource
{
    /// <summary>Finds a token, or returns <see langword="null"/> after adding what was tried to <paramref name="tried"/>.</summary>
    /// <exception cref="ConfigFileException">A config file exists but is malformed: reported, not skipped.</exception>
    ValueTask<ResolvedToken?> TryResolveAsync(List<string> tried, CancellationToken cancellationToken);
}
