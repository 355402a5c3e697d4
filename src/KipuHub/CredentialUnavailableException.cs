using System.Text;

namespace KipuHub;

/// <summary>
/// No token could be found. The message lists every place that was tried, in order (variable names and file paths,
/// never token values), and says how to provide one.
/// </summary>
public class CredentialUnavailableException : HubException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is missing and how to provide it.</param>
    /// <param name="attemptedSources">The places tried, in order, each with what was found there.</param>
    /// <param name="innerException">The cause, or <see langword="null"/>.</param>
    public CredentialUnavailableException(string message, IEnumerable<string>? attemptedSources = null, Exception? innerException = null)
        : this(message, attemptedSources?.ToArray() ?? [], innerException)
    {
    }

    private CredentialUnavailableException(string message, string[] attemptedSources, Exception? innerException)
        : base(Compose(message, attemptedSources), innerException)
    {
        AttemptedSources = attemptedSources;
    }

    /// <summary>Gets the places tried, in order, each with what was found there (for example <c>environment variable KQH_PERSONAL_ACCESS_TOKEN: not set</c>).</summary>
    public IReadOnlyList<string> AttemptedSources { get; }

    private static string Compose(string message, string[] attemptedSources)
    {
        if (attemptedSources.Length == 0)
        {
            return message;
        }

        var text = new StringBuilder(message).AppendLine().Append("Tried, in order:");
        foreach (var source in attemptedSources)
        {
            text.AppendLine().Append(" - ").Append(source);
        }

        return text.ToString();
    }
}
