namespace KipuHub.Emulator.Http;

/// <summary>
/// Thrown by request handling to answer with a JSON error body (<c>ErrorResponse</c>) instead of a 500.
/// The message is sent to the client, so it must say what happened and what to do, and never contain a token.
/// </summary>
internal sealed class HttpProblemException : Exception
{
    public HttpProblemException(int statusCode, string message, TimeSpan? retryAfter = null)
        : base(message)
    {
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    public int StatusCode { get; }

    public TimeSpan? RetryAfter { get; }

    public static HttpProblemException BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    public static HttpProblemException NotFound(string message) => new(StatusCodes.Status404NotFound, message);

    public static HttpProblemException Unprocessable(string message) => new(StatusCodes.Status422UnprocessableEntity, message);
}
