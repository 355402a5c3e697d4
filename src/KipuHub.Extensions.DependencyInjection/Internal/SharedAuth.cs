using KipuHub.Credentials;

namespace KipuHub.Extensions.DependencyInjection.Internal;

/// <summary>
/// The credential of one registration, shared by its APIs (Quantum and Platform) and disposed with the container
/// when the registration created it.
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

    /// <summary>Disposes a credential the registration created (an OAuth2 provider holds an HTTP client).</summary>
    public void Dispose()
    {
        if (_ownsCredential && Credential is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
