using KipuHub.Emulator;
using KipuHub.Extensions.DependencyInjection.Tests.Support;
using KipuHub.Generated.Quantum;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace KipuHub.Extensions.DependencyInjection.Tests.DependencyInjection;

/// <summary>
/// <c>KipuHub:ValidateBeforeSubmit</c> and <c>KipuHub:MaxCost</c> reach the registered Quantum client from configuration
/// (issue 15), checked against the emulator by what is and is not POSTed; a negative budget fails the start.
/// </summary>
[TestFixture]
public class PreflightOptionsTests : SharedEmulatorFixture
{
    [Test]
    public void Defaults_are_preflight_on_and_no_budget()
    {
        var options = new KipuHubOptions();

        Assert.That(options.ValidateBeforeSubmit, Is.True);
        Assert.That(options.MaxCost, Is.Null);
    }

    [Test]
    public async Task By_default_a_job_the_backend_cannot_take_is_refused_before_its_POST()
    {
        await using var provider = Provider(new());
        var client = provider.GetRequiredService<IHubQuantumClient>();
        var posts = Hub.Requests.CountOf("POST", "/quantum/jobs");

        var ex = Assert.ThrowsAsync<JobPreflightException>(() => client.SubmitJobAsync(TooManyShots()));

        Assert.That(ex!.Message, Does.Contain("shots_range"));
        Assert.That(Hub.Requests.CountOf("POST", "/quantum/jobs"), Is.EqualTo(posts), "nothing sent");
    }

    [Test]
    public async Task ValidateBeforeSubmit_false_from_configuration_posts_without_the_check()
    {
        await using var provider = Provider(new() { ["KipuHub:ValidateBeforeSubmit"] = "false" });
        var client = provider.GetRequiredService<IHubQuantumClient>();
        var posts = Hub.Requests.CountOf("POST", "/quantum/jobs");

        Assert.ThrowsAsync<UnprocessableEntityException>(() => client.SubmitJobAsync(TooManyShots()), "the Hub's own 422");

        Assert.That(provider.GetRequiredService<IOptionsMonitor<KipuHubOptions>>().Get(Options.DefaultName).ValidateBeforeSubmit, Is.False);
        Assert.That(Hub.Requests.CountOf("POST", "/quantum/jobs"), Is.EqualTo(posts + 1), "sent");
    }

    [Test]
    public async Task MaxCost_from_configuration_stops_the_submission_that_would_cross_it()
    {
        // 0.30 per task + 100 x 0.00145 per shot = 0.445 per job on aws.iqm.garnet: one fits in 0.50, a second does not.
        await using var provider = Provider(new() { ["KipuHub:MaxCost"] = "0.50" });
        var client = provider.GetRequiredService<IHubQuantumClient>();

        await client.SubmitJobAsync(Garnet());
        var ex = Assert.ThrowsAsync<JobBudgetExceededException>(() => client.SubmitJobAsync(Garnet()));

        Assert.That(ex!.MaxCost, Is.EqualTo(0.50m));
        Assert.That(ex.Spent, Is.EqualTo(0.445m));
    }

    [Test]
    public async Task MaxCost_from_configuration_is_one_budget_shared_by_every_client_the_registration_resolves()
    {
        await using var provider = Provider(new() { ["KipuHub:MaxCost"] = "0.50" });
        var first = provider.GetRequiredService<IHubQuantumClient>();
        using var scope = provider.CreateScope();
        var second = scope.ServiceProvider.GetRequiredService<HubQuantumClient>();
        var posts = Hub.Requests.CountOf("POST", "/quantum/jobs");

        await first.SubmitJobAsync(Garnet());
        var ex = Assert.ThrowsAsync<JobBudgetExceededException>(() => second.SubmitJobAsync(Garnet()), "another resolved client does not start afresh");

        Assert.That(second, Is.Not.SameAs(first), "transient clients");
        Assert.That(second.CostBudget, Is.SameAs(first.CostBudget));
        Assert.That(ex!.Budget, Is.SameAs(first.CostBudget));
        Assert.That(first.CostBudget!.Spent, Is.EqualTo(0.445m));
        Assert.That(first.CostBudget.Refused, Has.Count.EqualTo(1));
        Assert.That(Hub.Requests.CountOf("POST", "/quantum/jobs"), Is.EqualTo(posts + 1));
    }

    [Test]
    public async Task Without_MaxCost_a_registered_client_has_no_budget()
    {
        await using var provider = Provider([]);

        Assert.That(provider.GetRequiredService<IHubQuantumClient>().CostBudget, Is.Null);
    }

    [Test]
    public async Task The_backend_record_of_the_check_is_shared_by_the_clients_a_registration_resolves()
    {
        await using var provider = Provider([]);
        var gets = Hub.Requests.CountOf("GET", "/quantum/backends/aws.iqm.garnet");

        for (var i = 0; i < 3; i++)
        {
            using var scope = provider.CreateScope();
            await scope.ServiceProvider.GetRequiredService<IHubQuantumClient>().SubmitJobAsync(Garnet());
        }

        Assert.That(Hub.Requests.CountOf("GET", "/quantum/backends/aws.iqm.garnet") - gets, Is.EqualTo(1), "three transient clients, one GET within the 60 s");
    }

    [Test]
    public void A_negative_MaxCost_fails_the_start_naming_the_key()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["KipuHub:ApiKey"] = "token-123456", ["KipuHub:MaxCost"] = "-1" });
        builder.Services.AddKipuHub(builder.Configuration.GetSection("KipuHub"));
        using var host = builder.Build();

        var ex = Assert.CatchAsync(() => host.StartAsync());

        Assert.That(ex!.Message, Does.Contain("KipuHub:MaxCost must be 0 or more"));
    }

    private ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        settings["KipuHub:BaseUrl"] = Hub.QuantumBaseUrl.ToString();
        settings["KipuHub:PlatformBaseUrl"] = Hub.PlatformBaseUrl.ToString();
        settings["KipuHub:ApiKey"] = Hub.AccessToken;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = Emulators.Services();
        services.AddKipuHub(configuration.GetSection("KipuHub"));
        return services.BuildServiceProvider();
    }

    private static CreateJobRequest TooManyShots() => new()
    {
        BackendId = "aws.sim.sv1",
        Shots = 100_001,
        Input = new AwsSimSv1JobInput { Value = "OPENQASM 3.0;\nqubit[2] q;\nh q[0];" },
    };

    private static CreateJobRequest Garnet() => new()
    {
        BackendId = "aws.iqm.garnet",
        Shots = 100,
        Input = new AwsIqmGarnetJobInput { Value = "OPENQASM 3.0;\nqubit[2] q;\nbit[2] c;\nh q[0];\ncnot q[0], q[1];\nc = measure q;" },
    };
}
