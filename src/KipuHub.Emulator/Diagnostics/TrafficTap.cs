using KipuHub.Emulator.Faults;

namespace KipuHub.Emulator.Diagnostics;

/// <summary>
/// A test seam: a hook that every emulator started in this process runs on its web host before anything else. The
/// test suite's contract checks (tests/KipuHub.Contract, through InternalsVisibleTo) install a middleware here that
/// sees each request and response on the wire and validates them against <c>specs/</c>, so every emulator a test
/// starts, including one a sample app starts for itself, is covered without each test opting in. Null (the default,
/// and always outside the test suite) adds nothing.
/// </summary>
internal static class TrafficTap
{
    private static Action<IApplicationBuilder, KipuHubEmulatorRoutes>? _attach;

    /// <summary>The hook, or null; set before emulators start (a later emulator sees the value current at its start).</summary>
    internal static Action<IApplicationBuilder, KipuHubEmulatorRoutes>? Attach
    {
        get => Volatile.Read(ref _attach);
        set => Volatile.Write(ref _attach, value);
    }

    /// <summary>The fault injected into the current request, if one fired (read after the request is handled).</summary>
    internal static FaultKind? FaultOf(HttpContext context) => RequestLogMiddleware.Current(context)?.Fault;
}
