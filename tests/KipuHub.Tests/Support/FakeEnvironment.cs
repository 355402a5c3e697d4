using System.Runtime.InteropServices;
using KipuHub.Credentials;

namespace KipuHub.Tests.Support;

/// <summary>Builds a CredentialEnvironment from a dictionary, so no test touches process-wide variables.</summary>
public static class FakeEnvironment
{
    public static CredentialEnvironment Create(string home, IDictionary<string, string>? variables = null, OSPlatform? os = null)
    {
        var copy = new Dictionary<string, string>(variables ?? new Dictionary<string, string>());
        return new CredentialEnvironment(name => copy.TryGetValue(name, out var value) ? value : null, home, os ?? OSPlatform.Linux);
    }

    public static string ConfigJson(string? token = "file-token", string? contextId = null, bool isOrganization = false, string? displayName = "Ada Lovelace") =>
        Newtonsoft.Json.JsonConvert.SerializeObject(new Dictionary<string, object?>
        {
            ["auth"] = token is null ? null : new { type = "API_KEY", value = token },
            ["context"] = contextId is null ? null : new { id = contextId, displayName, isOrganization },
        });
}
