using System.Runtime.InteropServices;
using KipuHub.Credentials;

namespace KipuHub.Extensions.DependencyInjection.Tests.Support;

/// <summary>An environment with no variables and an empty home directory, so the default credential chain finds nothing.</summary>
public static class NoCredentials
{
    private static readonly string EmptyHome = Directory.CreateTempSubdirectory("kipuhub-empty-home-").FullName;

    public static CredentialEnvironment Environment { get; } = new(_ => null, EmptyHome, OSPlatform.Linux);
}
