using System.Globalization;
using KipuHub.Generated.Quantum;
using Microsoft.AspNetCore.WebUtilities;

namespace KipuHub.Emulator.Http;

/// <summary>Writes the Hub's JSON error body (<c>ErrorResponse</c> in specs/quantum.json) for every error the emulator sends.</summary>
internal static class ErrorWriter
{
    public static Task WriteAsync(HttpContext context, TimeProvider time, int statusCode, string message, TimeSpan? retryAfter = null)
    {
        if (retryAfter is { } delay)
        {
            context.Response.Headers.RetryAfter = Math.Max(0, (long)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        var body = new ErrorResponse
        {
            Status = statusCode,
            Error = ReasonPhrases.GetReasonPhrase(statusCode),
            Message = message,
            Path = context.Request.Path.Value,
            Timestamp = time.GetUtcNow(),
        };
        return NewtonsoftJson.WriteAsync(context, statusCode, body);
    }
}
