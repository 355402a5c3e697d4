using System.Net;
using System.Text;
using KipuHub.Contract;
using KipuHub.Contract.Capture;
using KipuHub.Contract.Validation;
using KipuHub.Emulator.Faults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KipuHub.Emulator.Tests.Contract;

/// <summary>
/// The contract checks' hook into the emulator: every emulator started in the process is validated, fault-injected
/// exchanges are left out, and the middleware sees bodies written either way (stream or pipe).
/// Stopping an emulator waits for its requests to finish, completion callbacks included, so the ledger is read after it.
/// </summary>
public sealed class ContractTapTests
{
    [Test]
    public async Task Every_emulator_the_process_starts_is_validated_and_reports_its_implemented_operations()
    {
        Assume.That(ContractChecks.Enabled, $"{ContractChecks.SwitchVariable}=off: no emulator is tapped");
        var before = ContractChecks.Ledger.ValidatedByOperation.GetValueOrDefault("quantum getBackends");
        var hub = await KipuHubEmulator.StartAsync();
        using (var http = hub.CreateQuantumHttpClient())
        {
            using var response = await http.GetAsync(new Uri("backends", UriKind.Relative));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await hub.DisposeAsync();

        Assert.That(ContractChecks.Ledger.ValidatedByOperation["quantum getBackends"], Is.EqualTo(before + 1));
        Assert.That(ContractChecks.Ledger.ImplementedOperations, Is.SupersetOf(new[] { "quantum getBackends", "quantum createJob", "service getLogs", "platform createDataPool" }));
        Assert.That(ContractChecks.Ledger.ImplementedOperations, Does.Not.Contain("platform createWorkflowService"), "a Platform route answering 501 is not implemented");
    }

    [Test]
    public async Task An_exchange_whose_bytes_a_fault_changed_is_left_out_and_counted()
    {
        Assume.That(ContractChecks.Enabled, $"{ContractChecks.SwitchVariable}=off: no emulator is tapped");
        var ledger = ContractChecks.Ledger;
        var validated = ledger.ValidatedByOperation.GetValueOrDefault("quantum getBackends");
        var excluded = ledger.Excluded.GetValueOrDefault("fault MalformedJson");
        var hub = await KipuHubEmulator.StartAsync();
        hub.Faults.Add(FaultRule.MalformedJson("GET", "/quantum/backends", times: 1));
        using (var http = hub.CreateQuantumHttpClient())
        {
            using var response = await http.GetAsync(new Uri("backends", UriKind.Relative));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("corrupted"), "the fault fired");
        }

        await hub.DisposeAsync();

        Assert.That((ledger.Excluded["fault MalformedJson"], ledger.ValidatedByOperation.GetValueOrDefault("quantum getBackends")), Is.EqualTo((excluded + 1, validated)));
    }

    [Test]
    public async Task The_middleware_catches_a_violating_body_written_to_the_pipe_and_passes_a_valid_one_written_to_the_stream()
    {
        var ledger = new ContractLedger();
        await using (var app = await StartAsync(ledger, app =>
        {
            app.MapGet("/quantum/jobs/{id}", async context =>
            {
                context.Response.ContentType = "application/json";
                var body = context.Request.RouteValues["id"] as string == "bad" ? """{"id":"bad","shots":"many"}""" : """{"id":"good","shots":3}""";
                if (context.Request.RouteValues["id"] as string == "bad")
                {
                    await context.Response.BodyWriter.WriteAsync(Encoding.UTF8.GetBytes(body));
                }
                else
                {
                    await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body));
                }
            });
            app.MapPost("/quantum/jobs", async context =>
            {
                using var reader = new StreamReader(context.Request.Body);
                await reader.ReadToEndAsync(); // read, and accepted: its body is judged
                context.Response.StatusCode = 201;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{}");
            });
        }))
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/") };
            Assert.That(await http.GetStringAsync(new Uri("quantum/jobs/bad", UriKind.Relative)), Does.Contain("many"), "the client gets the bytes unchanged");
            await http.GetStringAsync(new Uri("quantum/jobs/good", UriKind.Relative));
            using var content = new StringContent("""{"backend_id":"x","shots":-1,"input":{"type":"X"}}""", Encoding.UTF8, "application/json");
            using var created = await http.PostAsync(new Uri("quantum/jobs", UriKind.Relative), content);
        }

        Assert.That(ledger.Exchanges, Is.EqualTo(3));
        Assert.That(ledger.Violations.Select(v => (v.Operation, v.Part, v.Pointer)), Is.EquivalentTo(new[]
        {
            ("quantum getJob", "response", "/shots"),
            ("quantum createJob", "request", "/shots"),
        }));
    }

    private static async Task<WebApplication> StartAsync(ContractLedger ledger, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.Use((context, next) => ContractMiddleware.InvokeAsync(context, next, ledger, ContractValidator.Specs));
        app.UseRouting();
        map(app);
        await app.StartAsync();
        return app;
    }
}
