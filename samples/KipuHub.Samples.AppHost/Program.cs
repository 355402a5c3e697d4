using System.Reflection;

var builder = DistributedApplication.CreateBuilder(args);

// The emulator built from this repository (an app using the package would call AddKipuHubEmulator("kipuhub") and run
// the installed kipuhub-emulator tool). To use the real Hub instead, replace this line with:
//   var kipuhub = builder.AddKipuHub("kipuhub");   // token: user secret Parameters:kipuhub-token
// Other options: .WithJobDurations(pending, running), .WithFaults("ServerError POST /quantum/jobs times=2"), .WithHostPort(5280).
var kipuhub = builder.AddKipuHubEmulator("kipuhub", EmulatorToolPath()).WithSeed(42);

builder.AddProject<Projects.KipuHub_Samples_WebApi>("api")
    .WithReference(kipuhub)
    .WaitFor(kipuhub)
    .WithHttpHealthCheck("/health");

builder.Build().Run();

static string EmulatorToolPath() =>
    typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "KipuHubEmulatorToolPath").Value!;
