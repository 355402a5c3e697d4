namespace KipuHub.Internal;

/// <summary>Which remote surface a call went to; error advice differs per surface.</summary>
internal enum HubApiKind
{
    /// <summary>The Quantum API (<c>X-Auth-Token</c>).</summary>
    Quantum,

    /// <summary>The Service API behind the gateway (<c>Authorization: Bearer</c>).</summary>
    Service,

    /// <summary>The Platform (catalog) API (<c>X-Auth-Token</c>).</summary>
    Platform,

    /// <summary>The gateway's OAuth2 token endpoint.</summary>
    TokenEndpoint,
}
