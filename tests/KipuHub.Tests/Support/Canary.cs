namespace KipuHub.Tests.Support;

/// <summary>A token that must never appear in a log line, an exception message or ToString().</summary>
public static class Canary
{
    public const string Token = "CANARY-tok-8f3a9c1e5b7d";

    public const string Secret = "CANARY-secret-2d4f6a8c0e";
}
