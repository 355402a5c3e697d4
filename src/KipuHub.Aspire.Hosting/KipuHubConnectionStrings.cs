namespace Aspire.Hosting.ApplicationModel;

/// <summary>The one connection string format both resources write (read by <c>AddKipuHubClient</c>).</summary>
internal static class KipuHubConnectionStrings
{
    public static ReferenceExpression Create(ReferenceExpression quantum, ReferenceExpression platform, ReferenceExpression service, ParameterResource token) =>
        ReferenceExpression.Create($"Endpoint={quantum};PlatformEndpoint={platform};ServiceEndpoint={service};Token={token}");
}
