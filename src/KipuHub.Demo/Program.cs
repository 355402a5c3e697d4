using KipuHub.Demo;
using KipuHub.Emulator;

// Ctrl+C stops the wait; a stuck demo gives up after 30 s instead of hanging.
using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(30));
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

await using var hub = await KipuHubEmulator.StartAsync(cancellationToken: cancellation.Token);
return await BellDemo.RunAsync(hub, Console.Out, cancellation.Token);
