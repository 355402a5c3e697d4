namespace KipuHub.Emulator.Http;

/// <summary>Reads the values routing matched in the request path, for every API the emulator serves.</summary>
internal static class RequestRoute
{
    /// <summary>The value of the route parameter <paramref name="name"/>; the route template guarantees it is present.</summary>
    public static string Value(HttpContext context, string name) => (string)context.Request.RouteValues[name]!;
}
