using KipuHub.Emulator;
using System.Runtime.InteropServices;
using KipuHub.Emulator.Tool;

ToolArguments arguments;
try
{
    arguments = ToolArguments.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

if (arguments.Help)
{
    Console.WriteLine(ToolArguments.Usage);
    return 0;
}

var options = new KipuHubEmulatorOptions { Port = arguments.Port, Seed = arguments.Seed };
if (arguments.Token is { } token)
{
    options.Users.Add(new EmulatorUser("emulator-user", token));
}

await using var hub = await KipuHubEmulator.StartAsync(options);
StartupBanner.Write(Console.Out, hub, tokenWasGiven: arguments.Token is not null);

// Ctrl+C, SIGTERM (docker stop, kill) and SIGQUIT stop the emulator cleanly.
var stopped = new TaskCompletionSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var quit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Stop);
await stopped.Task;
Console.WriteLine("Stopping the emulator.");
return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stopped.TrySetResult();
}
