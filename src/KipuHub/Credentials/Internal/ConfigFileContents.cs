namespace KipuHub.Credentials.Internal;

/// <summary>What the SDK reads from the config file: the token and the saved context.</summary>
/// <param name="Path">The file read.</param>
/// <param name="Token">The trimmed <c>auth.value</c>, or <see langword="null"/> when absent.</param>
/// <param name="Context">The <c>context</c> object, or <see langword="null"/> when absent.</param>
internal sealed record ConfigFileContents(string Path, string? Token, ConfigFileContext? Context);
