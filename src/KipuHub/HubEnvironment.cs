using KipuHub.Internal;

namespace KipuHub;

/// <summary>
/// A Kipu Quantum Hub deployment: the base URLs of its Quantum and Platform APIs (the Service API has no
/// environment; each service has its own gateway URL).
/// </summary>
/// <remarks>
/// The counterpart of <c>HubQuantumClientEnvironment.DEFAULT</c> (Python) and <c>HubQuantumEnvironment.Default</c>
/// (TypeScript). A client's <c>BaseUrl</c> option always wins over its environment.
/// </remarks>
public sealed class HubEnvironment
{
    /// <summary>Creates an environment, for example for a staging or on-premises deployment.</summary>
    /// <param name="quantumBaseUrl">The Quantum API base URL.</param>
    /// <param name="platformBaseUrl">The Platform API base URL.</param>
    /// <exception cref="ArgumentException">A URL is not an absolute http(s) URL without query or fragment.</exception>
    public HubEnvironment(Uri quantumBaseUrl, Uri platformBaseUrl)
    {
        QuantumBaseUrl = BaseUrls.Normalize(quantumBaseUrl, nameof(quantumBaseUrl));
        PlatformBaseUrl = BaseUrls.Normalize(platformBaseUrl, nameof(platformBaseUrl));
    }

    /// <summary>Gets the public Kipu Quantum Hub: <c>https://api.hub.kipu-quantum.com/quantum/</c> and <c>https://api.hub.kipu-quantum.com/qc-catalog/</c>.</summary>
    public static HubEnvironment Default { get; } = new(
        new Uri("https://api.hub.kipu-quantum.com/quantum"),
        new Uri("https://api.hub.kipu-quantum.com/qc-catalog"));

    /// <summary>Gets the Quantum API base URL (ends with '/').</summary>
    public Uri QuantumBaseUrl { get; }

    /// <summary>Gets the Platform API base URL (ends with '/').</summary>
    public Uri PlatformBaseUrl { get; }
}
