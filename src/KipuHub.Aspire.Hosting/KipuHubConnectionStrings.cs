namespace Aspire.Hosting.ApplicationModel;

/// <summary>The one connection string format both resources write (read by <c>AddKipuHubClient</c>).</summary>
/// <remarks>
/// <c>ServiceEndpoint</c> is the Service gateway's root: a gateway configured with a relative <c>BaseUrl</c>
/// (<c>&lt;context&gt;/&lt;service&gt;/&lt;version&gt;/</c>) is resolved against it. <c>ServiceToken</c>, the gateway
/// bearer token, is written only when one token is valid on every gateway (the emulator's); the real Hub's gateways
/// need each application's access key pair instead.
/// </remarks>
internal static class KipuHubConnectionStrings
{
    public static ReferenceExpression Create(ReferenceExpression quantum, ReferenceExpression platform, ReferenceExpression service, ParameterResource token, ParameterResource? serviceToken = null) =>
        serviceToken is null
            ? ReferenceExpression.Create($"Endpoint={quantum};PlatformEndpoint={platform};ServiceEndpoint={service};Token={token}")
            : ReferenceExpression.Create($"Endpoint={quantum};PlatformEndpoint={platform};ServiceEndpoint={service};Token={token};ServiceToken={serviceToken}");
}
