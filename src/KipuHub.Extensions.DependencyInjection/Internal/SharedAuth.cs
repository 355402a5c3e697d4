using KipuHub.Credentials;
using KipuHub.Internal;

namespace KipuHub.Extensions.DependencyInjection.Internal;

/// <summary>
/// The credential of one registration and the redactor that remembers the tokens it sent, shared by its APIs
/// (Quantum and Platform) so an error from either is scrubbed of any of them.
/// </summary>
internal sealed class SharedAuth : IDisposable
{
    private readonly bool _ownsCredential;

    /// <summary>Creates the pair.</summary>
    /// <param name="credential">Supplies tokens.</param>
    /// <param name="ownsCredential">Whether the registration created the credential (and so disposes it).</param>
    public SharedAuth(IHubCredential credential, bool ownsCredential)
    {
        Credential = credential;
        _ownsCredential = ownsCredential;
    }

    /// <summary>Gets the credential.</summary>
    public IHubCredential Credential { get; }

    /// <summary>Gets the redactor.</summary>
    public TokenRedactor Redactor { get; } = new();

    /// <summary>Disposes a credential the registration created (an OAuth2 provider holds an HTTP client).</summary>
    public void Dispose()
    {
        if (_ownsCredential && Credential is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
