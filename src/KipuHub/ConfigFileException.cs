namespace KipuHub;

/// <summary>
/// The shared <c>qhubctl</c> config file exists but cannot be used: it is unreadable, not valid JSON, or a field has
/// the wrong type. The message names the file, the problem and, for JSON errors, the line and position.
/// </summary>
/// <remarks>The message never contains the file's token, even when the token is where the JSON breaks.</remarks>
public class ConfigFileException : HubException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the file and what to do.</param>
    /// <param name="filePath">The config file.</param>
    /// <param name="lineNumber">The 1-based line of the problem, when known.</param>
    /// <param name="linePosition">The 1-based position in that line, when known.</param>
    /// <param name="innerException">The cause (an I/O error), or <see langword="null"/>.</param>
    public ConfigFileException(string message, string filePath, int? lineNumber = null, int? linePosition = null, Exception? innerException = null)
        : base(message, innerException)
    {
        FilePath = filePath;
        LineNumber = lineNumber;
        LinePosition = linePosition;
    }

    /// <summary>Gets the config file.</summary>
    public string FilePath { get; }

    /// <summary>Gets the 1-based line of the problem, when known.</summary>
    public int? LineNumber { get; }

    /// <summary>Gets the 1-based position in <see cref="LineNumber"/>, when known.</summary>
    public int? LinePosition { get; }
}
