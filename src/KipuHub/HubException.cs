namespace KipuHub;

/// <summary>
/// The base class of every exception this SDK throws on purpose, so that one <c>catch</c> handles them all.
/// </summary>
/// <remarks>
/// Messages say what happened and what to do. They never contain a token: the clients replace any token they sent
/// with <c>***</c> before a server text becomes part of an exception.
/// </remarks>
public class HubException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened and what to do.</param>
    public HubException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the exception that caused it.</summary>
    /// <param name="message">What happened and what to do.</param>
    /// <param name="innerException">The cause, or <see langword="null"/>.</param>
    public HubException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
