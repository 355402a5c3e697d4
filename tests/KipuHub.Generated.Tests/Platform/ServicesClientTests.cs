using System.Net;
using KipuHub.Generated.Platform;
using KipuHub.Generated.Tests.Support;

namespace KipuHub.Generated.Tests.Platform;

[TestFixture]
public class ServicesClientTests : PlatformTestBase
{
    private const string Version = "services/svc1/versions/v1";

    private ServicesClient Client => new(Hub.Http);

    [Test]
    public async Task ListServices_sends_zero_based_paging_repeated_sort_and_filters_and_maps_the_page()
    {
        Expect(HttpMethod.Get, "services", "page=2&size=20&sort=name%2Casc&sort=createdAt%2Cdesc&search=echo&lifecycle=PUBLISHED&type=MANAGED")
            .Respond(_ => Json(PlatformJson.Page(PlatformJson.Service, page: 2, total: 41, pages: 3)));

        var page = await Client.ListServicesAsync(2, 20, ["name,asc", "createdAt,desc"], "echo", ServiceLifecycle.Published, ServiceType.Managed);

        Assert.Multiple(() =>
        {
            Assert.That(page.Page, Is.EqualTo(2));
            Assert.That(page.Size, Is.EqualTo(20));
            Assert.That(page.TotalElements, Is.EqualTo(41));
            Assert.That(page.TotalPages, Is.EqualTo(3));
        });
        var service = page.Content!.Single();
        Assert.Multiple(() =>
        {
            Assert.That(service.Id, Is.EqualTo("svc1"));
            Assert.That(service.Name, Is.EqualTo("echo"));
            Assert.That(service.DisplayName, Is.EqualTo("Echo"));
            Assert.That(service.CurrentUserPermission, Is.EqualTo(AccessPermission.Owner));
            Assert.That(service.ServiceDefinitionId, Is.EqualTo("v1"));
            Assert.That(service.Type, Is.EqualTo(ServiceType.Managed));
            Assert.That(service.Lifecycle, Is.EqualTo(ServiceLifecycle.Published));
            Assert.That(service.CreatedAt, Is.EqualTo(PlatformJson.At0800));
            Assert.That(service.LogoUrl, Is.EqualTo("https://logo"));
            Assert.That(service.BuildStatus, Is.EqualTo(BuildStatus.Success));
        });
    }

    [Test]
    public async Task ListServices_without_arguments_sends_no_query()
    {
        Expect(HttpMethod.Get, "services").Respond(_ => Json("""{"content":[],"page":0,"size":20,"totalElements":0,"totalPages":0}"""));
        var page = await Client.ListServicesAsync();
        Assert.That(page.Content, Is.Empty);
        Assert.That(Sent.Request.RequestUri!.Query, Is.Empty);
    }

    [Test]
    public async Task GetService_maps_versions_with_resource_configuration_and_source_unions()
    {
        Expect(HttpMethod.Get, "services/svc1").Respond(_ => Json(PlatformJson.Service));

        var service = await Client.GetServiceAsync("svc1");

        var version = service.ServiceDefinitions!.Single();
        Assert.Multiple(() =>
        {
            Assert.That(version.Id, Is.EqualTo("v1"));
            Assert.That(version.Version, Is.EqualTo("1.0.0"));
            Assert.That(version.Context, Is.EqualTo("/acme/echo"));
            Assert.That(version.ProductionEndpoint, Is.EqualTo("https://prod/echo"));
            Assert.That(version.GatewayEndpoint, Does.EndWith("/acme/echo/1.0.0"));
            Assert.That(version.Lifecycle, Is.EqualTo(ServiceLifecycle.Published));
            Assert.That(version.ModifiedAt, Is.EqualTo(PlatformJson.At0800.AddHours(1)));
            Assert.That(version.CreatedBy, Is.EqualTo("u1"));
            Assert.That(version.ModifiedBy, Is.EqualTo("u2"));
            Assert.That(version.PricingPlans!.Single().Products!.Single().AmountMajor, Is.EqualTo(0.5));
            Assert.That(version.PricingPlans!.Single().Products!.Single().Type, Is.EqualTo(ProductType.Api));
            Assert.That(version.Industries!.Single().Children!.Single().Label, Is.EqualTo("Batteries"));
            Assert.That(version.Configurations!.Select(c => c.GetType()), Is.EqualTo(new[] { typeof(CpuConfiguration), typeof(MemoryConfiguration), typeof(GpuConfiguration) }));
            Assert.That(((CpuConfiguration)version.Configurations!.First()).Amount, Is.EqualTo(500));
            Assert.That(((GpuConfiguration)version.Configurations!.Last()).Accelerator, Is.EqualTo(GpuAccelerator.NvidiaTeslaT4));
            Assert.That(version.RuntimeConfiguration!.Runtime, Is.EqualTo(ServiceRuntime.PythonTemplate));
            Assert.That(version.RuntimeConfiguration.Environment!["LOG_LEVEL"], Is.EqualTo("debug"));
            Assert.That(version.RuntimeConfiguration.ApplyProviderTokens, Is.True);
            Assert.That(version.Source, Is.TypeOf<RegistrySource>());
            Assert.That(((RegistrySource)version.Source!).Image, Is.EqualTo("ghcr.io/acme/echo"));
        });
    }

    [Test]
    public async Task DeleteService_accepts_204()
    {
        Expect(HttpMethod.Delete, "services/svc1").Respond(_ => NoContent());
        await Client.DeleteServiceAsync("svc1");
        Assert.That(Sent.Request.Method, Is.EqualTo(HttpMethod.Delete));
    }

    [Test]
    public void DeleteService_with_live_subscriptions_is_a_409()
    {
        Expect(HttpMethod.Delete, "services/svc1").Respond(_ => ErrorResponse(HttpStatusCode.Conflict, """{"errorMessage":"service has subscriptions"}"""));
        var ex = Assert.ThrowsAsync<PlatformApiException>(() => Client.DeleteServiceAsync("svc1"));
        Assert.That(ex!.StatusCode, Is.EqualTo(409));
    }

    [Test]
    public async Task GetServiceVersions_lists_versions()
    {
        Expect(HttpMethod.Get, "services/svc1/versions").Respond(_ => Json($"[{PlatformJson.ServiceDefinition}]"));
        var versions = await Client.GetServiceVersionsAsync("svc1");
        Assert.That(versions.Single().Type, Is.EqualTo(ServiceType.Managed));
    }

    [Test]
    public async Task GetServiceVersion_gets_one_version()
    {
        Expect(HttpMethod.Get, Version).Respond(_ => Json(PlatformJson.ServiceDefinition));
        var version = await Client.GetServiceVersionAsync("svc1", "v1");
        Assert.That(version.Description, Is.EqualTo("Echoes"));
    }

    [Test]
    public async Task UpdateServiceVersion_puts_description_industries_and_a_file_source()
    {
        Expect(HttpMethod.Put, Version).Respond(_ => Json(PlatformJson.ServiceDefinition));

        await Client.UpdateServiceVersionAsync("svc1", "v1", new UpdateVersionRequest { Description = "New", IndustryUuids = ["i1"], Source = new FileSource() });

        AssertJsonBody("""{"description":"New","industryUuids":["i1"],"source":{"type":"FileSource"}}""");
    }

    [Test]
    public async Task GetApiDefinition_reads_the_document_as_text()
    {
        Expect(HttpMethod.Get, Version + "/api-spec").Respond(_ => Text("openapi: 3.0.3\ninfo:\n  title: echo\n", "application/yaml"));
        var text = await Client.GetApiDefinitionAsync("svc1", "v1");
        AssertAccepts("text/plain");
        Assert.That(text, Is.EqualTo("openapi: 3.0.3\ninfo:\n  title: echo\n"));
    }

    [Test]
    public async Task UpdateApiDefinition_puts_a_multipart_file_to_the_v3_path()
    {
        var bytes = "{\"openapi\":\"3.0.3\"}"u8.ToArray();
        IReadOnlyList<(string? Name, string? FileName, string? ContentType, byte[] Bytes)> parts = [];
        Expect(HttpMethod.Put, "v3/" + Version + "/api-spec").Respond(async request =>
        {
            parts = await ReadPartsAsync(request);
            return NoContent();
        });

        await Client.UpdateApiDefinitionAsync("svc1", "v1", new FileParameter(new MemoryStream(bytes), "openapi.json", "application/json"));

        Assert.That(parts.Single().Name, Is.EqualTo("file"));
        Assert.That(parts.Single().FileName, Is.EqualTo("openapi.json"));
        Assert.That(parts.Single().Bytes, Is.EqualTo(bytes));
    }

    [Test]
    public async Task GetSourceCode_streams_the_archive()
    {
        var source = new CountingStream(1024 * 1024);
        Expect(HttpMethod.Get, Version + "/source-code").Respond(_ => Bytes(source, "application/zip"));

        using var archive = await Client.GetSourceCodeAsync("svc1", "v1");

        Assert.That(source.BytesRead, Is.LessThan(1024 * 1024));
        var copy = new MemoryStream();
        await archive.Stream.CopyToAsync(copy);
        Assert.That(copy.Length, Is.EqualTo(1024 * 1024));
    }

    [Test]
    public async Task UpdateSourceCode_posts_a_multipart_file_to_the_v3_path_and_maps_the_version()
    {
        IReadOnlyList<(string? Name, string? FileName, string? ContentType, byte[] Bytes)> parts = [];
        Expect(HttpMethod.Post, "v3/" + Version + "/source-code").Respond(async request =>
        {
            parts = await ReadPartsAsync(request);
            return Json(PlatformJson.ServiceDefinition);
        });

        var version = await Client.UpdateSourceCodeAsync("svc1", "v1", new FileParameter(new MemoryStream([0x50, 0x4b, 3, 4]), "code.zip", "application/zip"));

        Assert.That(parts.Single().Name, Is.EqualTo("file"));
        Assert.That(parts.Single().Bytes, Is.EqualTo(new byte[] { 0x50, 0x4b, 3, 4 }));
        Assert.That(version.Id, Is.EqualTo("v1"));
    }

    [Test]
    public async Task GetBuildStatus_maps_the_build_and_its_validation()
    {
        Expect(HttpMethod.Get, Version + "/build-status").Respond(_ => Json("""
            {"status":"FAILURE","step":"BUILD_IMAGE","createdAt":"2026-11-24T08:00:00Z","finishedAt":"2026-11-24T08:05:00Z",
             "validationResult":{"state":"ERROR","summary":"bad requirements","messages":["line 3"]}}
            """));
        var build = await Client.GetBuildStatusAsync("svc1", "v1");
        Assert.Multiple(() =>
        {
            Assert.That(build.Status, Is.EqualTo(BuildStatus.Failure));
            Assert.That(build.Step, Is.EqualTo(BuildStep.BuildImage));
            Assert.That(build.FinishedAt - build.CreatedAt, Is.EqualTo(TimeSpan.FromMinutes(5)));
            Assert.That(build.ValidationResult!.State, Is.EqualTo(ValidationState.Error));
            Assert.That(build.ValidationResult.Summary, Is.EqualTo("bad requirements"));
            Assert.That(build.ValidationResult.Messages, Is.EqualTo(new[] { "line 3" }));
        });
    }

    [Test]
    public async Task GetBuildLogs_reads_text()
    {
        Expect(HttpMethod.Get, Version + "/build-logs").Respond(_ => Text("step 1\nstep 2\n"));
        Assert.That(await Client.GetBuildLogsAsync("svc1", "v1"), Is.EqualTo("step 1\nstep 2\n"));
    }

    [Test]
    public async Task UpdateResourceConfiguration_puts_the_variant_with_its_type_discriminator()
    {
        Expect(HttpMethod.Put, Version + "/resource-configuration").Respond(_ => NoContent());
        await Client.UpdateResourceConfigurationAsync("svc1", "v1", new GpuConfiguration { Amount = 1, Accelerator = GpuAccelerator.NvidiaTeslaA100 });
        AssertJsonBody("""{"type":"GpuConfiguration","amount":1.0,"accelerator":"NVIDIA_TESLA_A100"}""");
    }

    [Test]
    public async Task UpdateRuntimeConfiguration_puts_runtime_environment_and_tokens()
    {
        Expect(HttpMethod.Put, Version + "/runtime-configuration").Respond(HttpStatusCode.OK);
        await Client.UpdateRuntimeConfigurationAsync("svc1", "v1", new RuntimeConfiguration
        {
            Runtime = ServiceRuntime.Docker,
            Environment = new Dictionary<string, string> { ["A"] = "1" },
            ApplyProviderTokens = false,
        });
        AssertJsonBody("""{"runtime":"DOCKER","environment":{"A":"1"},"applyProviderTokens":false}""");
    }

    [Test]
    public async Task GetServiceSubscriptions_lists_subscriptions_of_a_version()
    {
        Expect(HttpMethod.Get, Version + "/subscriptions").Respond(_ => Json($"[{PlatformJson.Subscription}]"));
        var subscription = (await Client.GetServiceSubscriptionsAsync("svc1", "v1")).Single();
        Assert.That(subscription.Application!.Id, Is.EqualTo("app1"));
    }

    [Test]
    public async Task PublishService_posts_without_a_body_and_maps_the_version()
    {
        Expect(HttpMethod.Post, Version + "/publish").Respond(_ => Json(PlatformJson.ServiceDefinition));
        var version = await Client.PublishServiceAsync("svc1", "v1");
        AssertNoBody();
        Assert.That(version.Lifecycle, Is.EqualTo(ServiceLifecycle.Published));
    }

    [Test]
    public void PublishService_race_is_a_409_with_the_body()
    {
        Expect(HttpMethod.Post, Version + "/publish").Respond(_ => ErrorResponse(HttpStatusCode.Conflict, """{"errorMessage":"already being published"}"""));
        var ex = Assert.ThrowsAsync<PlatformApiException>(() => Client.PublishServiceAsync("svc1", "v1"));
        Assert.That(ex!.StatusCode, Is.EqualTo(409));
        Assert.That(ex.Response, Does.Contain("already being published"));
        Assert.That(ex.Headers.Header("X-Request-Id"), Is.EqualTo("req-42"));
    }

    [Test]
    public async Task PublishServiceInternal_posts_to_publish_internal()
    {
        Expect(HttpMethod.Post, Version + "/publish-internal").Respond(_ => Json(PlatformJson.ServiceDefinition));
        var version = await Client.PublishServiceInternalAsync("svc1", "v1");
        Assert.That(version.Id, Is.EqualTo("v1"));
    }

    [Test]
    public async Task UnpublishService_posts_to_unpublish()
    {
        Expect(HttpMethod.Post, Version + "/unpublish").Respond(_ => Json(PlatformJson.ServiceDefinition.Replace("\"PUBLISHED\"", "\"ACCESSIBLE\"")));
        var version = await Client.UnpublishServiceAsync("svc1", "v1");
        Assert.That(version.Lifecycle, Is.EqualTo(ServiceLifecycle.Accessible));
    }

    [Test]
    public async Task ExecuteServiceCommand_posts_the_command()
    {
        Expect(HttpMethod.Post, Version + "/commands").Respond(_ => NoContent());
        await Client.ExecuteServiceCommandAsync("svc1", "v1", new ServiceDefinitionCommand { Type = ServiceDefinitionCommandType.UnpublishForce });
        AssertJsonBody("""{"type":"UNPUBLISH_FORCE"}""");
    }
}

[TestFixture]
public class ServiceSharesClientTests : PlatformTestBase
{
    private ServiceSharesClient Client => new(Hub.Http);

    [Test]
    public async Task GetServiceShares_lists_principals()
    {
        Expect(HttpMethod.Get, "services/svc1/shares").Respond(_ => Json($"[{PlatformJson.Share}]"));
        var share = (await Client.GetServiceSharesAsync("svc1")).Single();
        Assert.That(share.ServiceId, Is.EqualTo("svc1"));
        Assert.That(share.PrincipalType, Is.EqualTo(PrincipalType.Organization));
        Assert.That(share.Permission, Is.EqualTo(AccessPermission.Maintainer));
    }

    [Test]
    public async Task CreateServiceShare_posts_the_principal()
    {
        Expect(HttpMethod.Post, "services/svc1/shares").Respond(_ => Json(PlatformJson.Share, HttpStatusCode.Created));
        var share = await Client.CreateServiceShareAsync("svc1", new CreateShareRequest { PrincipalId = "u2", PrincipalType = PrincipalType.User });
        AssertJsonBody("""{"principalId":"u2","principalType":"USER"}""");
        Assert.That(share.Id, Is.EqualTo("sh1"));
    }

    [Test]
    public async Task UpdateServiceShare_puts_the_permission()
    {
        Expect(HttpMethod.Put, "services/svc1/shares/sh1").Respond(_ => Json(PlatformJson.Share));
        await Client.UpdateServiceShareAsync("svc1", "sh1", new UpdateShareRequest { Permission = AccessPermission.Owner });
        AssertJsonBody("""{"permission":"OWNER"}""");
    }

    [Test]
    public async Task DeleteServiceShare_sends_DELETE()
    {
        Expect(HttpMethod.Delete, "services/svc1/shares/sh1").Respond(_ => NoContent());
        await Client.DeleteServiceShareAsync("svc1", "sh1");
        Assert.That(Sent.Request.Method, Is.EqualTo(HttpMethod.Delete));
    }
}
