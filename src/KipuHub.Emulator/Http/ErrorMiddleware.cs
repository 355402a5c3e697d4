namespace KipuHub.Emulator.Http;

/// <summary>Turns exceptions into JSON error bodies: <see cref="HttpProblemException"/> into its status, anything else into a 500 that names the bug.</summary>
internal static class ErrorMiddleware
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next, TimeProvider time)
    {
        try
        {
            await next(context).ConfigureAwait(false);
            if (context.Response.StatusCode == StatusCodes.Status405MethodNotAllowed && !context.Response.HasStarted)
            {
                // Routing answers 405 with an empty body; every Hub error carries JSON.
                await ErrorWriter.WriteAsync(context, time, StatusCodes.Status405MethodNotAllowed,
                    $"{context.Request.Method} is not allowed on {context.Request.Path}. specs/ lists the operations of each path.").ConfigureAwait(false);
            }
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away, or a fault reset the connection: there is nobody to answer.
        }
        catch (HttpProblemException ex) when (!context.Response.HasStarted)
        {
            await ErrorWriter.WriteAsync(context, time, ex.StatusCode, ex.Message, ex.RetryAfter).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            await ErrorWriter.WriteAsync(context, time, ex.StatusCode, $"The HTTP request is malformed: {ex.Message}").ConfigureAwait(false);
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            await ErrorWriter.WriteAsync(context, time, StatusCodes.Status500InternalServerError,
                $"The emulator failed unexpectedly ({ex.GetType().Name}: {ex.Message}). This is a bug in KipuHub.Emulator; please report it with the request that caused it.").ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Headers are gone already: cutting the connection is the only honest signal left.
            context.Abort();
        }
    }
}
