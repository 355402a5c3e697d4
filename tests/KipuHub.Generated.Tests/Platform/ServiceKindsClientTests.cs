using System.Net;
using KipuHub.Generated.Platform;

namespace KipuHub.Generated.Tests.Platform;

[TestFixture]
public class ManagedServicesClientTests : PlatformTestBase
{
    private ManagedServicesClient Client => new(Hub.Http);

    [Test]
    public async Task CreateManagedService_sends_settings_as_query_and_code_and_api_definition_as_parts()
    {
        IReadOnlyList<(string? Name, string? FileName, string? ContentType, byte[] Bytes)> parts = [];
        Expect(HttpMethod.Post, "v2/managed-services",
                "name=echo&description=Echoes&milliCpus=500&memoryInMegabytes=2048&runtime=PYTHON_TEMPLATE&gpuCount=1&gpuAccelerator=NVIDIA_TESLA_T4")
            .Respond(async request =>
            {
                parts = await ReadPartsAsync(request);
                return Json(PlatformJson.Service, HttpStatusCode.Created);
            });

        var service = await Client.CreateManagedServiceAsync("echo", "Echoes", 500, 2048, ServiceRuntime.PythonTemplate, 1, GpuAccelerator.NvidiaTeslaT4,
            new FileParameter(new MemoryStream([1, 2]), "code.zip", "application/zip"), new FileParameter(new MemoryStream([3]), "openapi.yaml"));

        Assert.That(parts.Select(p => (p.Name, p.FileName)), Is.EqualTo(new (string?, string?)[] { ("userCode", "code.zip"), ("apiDefinition", "openapi.yaml") }));
        Assert.That(parts[0].Bytes, Is.EqualTo(new byte[] { 1, 2 }));
        Assert.That(parts[1].Bytes, Is.EqualTo(new byte[] { 3 }));
        Assert.That(service.Id, Is.EqualTo("svc1"));
    }

    [Test]
    public async Task CreateManagedService_with_only_a_name_sends_no_parts()
    {
        IReadOnlyList<(string? Name, string? FileName, string? ContentType, byte[] Bytes)> parts = [(null, null, null, [])];
        Expect(HttpMethod.Post, "v2/managed-services", "name=echo").Respond(async request =>
        {
            parts = await ReadPartsAsync(request);
            return Json(PlatformJson.Service);
        });
        await Client.CreateManagedServiceAsync("echo");
        Assert.That(parts, Is.Empty);
    }

    [Test]
    public async Task AddPricingPlanManagedService_posts_the_plan()
    {
        Expect(HttpMethod.Post, "managed-services/svc1/versions/v1/pricing-plans").Respond(_ => Json(PlatformJson.PricingPlan, HttpStatusCode.Created));

        var plan = await Client.AddPricingPlanManagedServiceAsync("svc1", "v1", new CreateManagedServicePricingPlanRequest
        {
            Type = PricingPlanType.Commercial,
            ProfitPercentage = 12.5,
            ChargedProducts = [ProductType.Cpu, ProductType.AwsSv1],
        });

        AssertJsonBody("""{"type":"COMMERCIAL","profitPercentage":12.5,"chargedProducts":["CPU","AWS_SV1"]}""");
        Assert.That(plan.Type, Is.EqualTo(PricingPlanType.Commercial));
        Assert.That(plan.Products!.Single().Id, Is.EqualTo("prod_YX8skS2X"));
        Assert.That(plan.Products!.Single().Type, Is.EqualTo(ProductType.Ionq1GateShot));
    }

    [Test]
    public async Task DeletePricingPlanManagedService_sends_DELETE()
    {
        Expect(HttpMethod.Delete, "managed-services/svc1/versions/v1/pricing-plans/pp1").Respond(_ => NoContent());
        await Client.DeletePricingPlanManagedServiceAsync("svc1", "v1", "pp1");
        Assert.That(Sent.Request.Method, Is.EqualTo(HttpMethod.Delete));
    }

    [Test]
    public async Task GetManagedServiceExecutions_lists_executions()
    {
        Expect(HttpMethod.Get, "managed-services/svc1/versions/v1/executions").Respond(_ => Json($"[{PlatformJson.ServiceExecution}]"));
        var execution = (await Client.GetManagedServiceExecutionsAsync("svc1", "v1")).Single();
        Assert.That(execution.Status, Is.EqualTo(PlatformServiceExecutionStatus.Succeeded));
    }
}

[TestFixture]
public class ExternalServicesClientTests : PlatformTestBase
{
    private ExternalServicesClient Client => new(Hub.Http);

    [Test]
    public async Task CreateExternalService_sends_settings_as_query_and_the_api_definition_as_a_part()
    {
        IReadOnlyList<(string? Name, string? FileName, string? ContentType, byte[] Bytes)> parts = [];
        Expect(HttpMethod.Post, "v2/external-services", "name=ext&url=https%3A%2F%2Fext.test%2Fapi&description=d&securityConfiguration=BASIC&username=bob&password=pw")
            .Respond(async request =>
            {
                parts = await ReadPartsAsync(request);
                return Json(PlatformJson.Service.Replace("\"MANAGED\"", "\"EXTERNAL\""));
            });

        var service = await Client.CreateExternalServiceAsync("ext", "https://ext.test/api", "d", SecurityConfiguration.Basic, "bob", "pw",
            new FileParameter(new MemoryStream([9]), "openapi.json", "application/json"));

        Assert.That(parts.Single().Name, Is.EqualTo("apiDefinition"));
        Assert.That(parts.Single().ContentType, Is.EqualTo("application/json"));
        Assert.That(service.Type, Is.EqualTo(ServiceType.External));
    }

    [Test]
    public async Task AddPricingPlanExternalService_posts_products()
    {
        Expect(HttpMethod.Post, "external-services/svc1/versions/v1/pricing-plans").Respond(_ => Json(PlatformJson.PricingPlan));
        await Client.AddPricingPlanExternalServiceAsync("svc1", "v1", new CreateExternalServicePricingPlanRequest
        {
            Type = PricingPlanType.Commercial,
            Products = [new CreateProductRequest { Name = "calls", UnitLabel = "call", AmountMajor = 0.25 }],
        });
        AssertJsonBody("""{"type":"COMMERCIAL","products":[{"name":"calls","unitLabel":"call","amountMajor":0.25}]}""");
    }

    [Test]
    public async Task DeletePricingPlanExternalService_sends_DELETE()
    {
        Expect(HttpMethod.Delete, "external-services/svc1/versions/v1/pricing-plans/pp1").Respond(_ => NoContent());
        await Client.DeletePricingPlanExternalServiceAsync("svc1", "v1", "pp1");
        Assert.That(Sent.Request.Method, Is.EqualTo(HttpMethod.Delete));
    }

    [Test]
    public async Task GetExternalServiceMeteringEvents_maps_usage()
    {
        Expect(HttpMethod.Get, "external-services/svc1/versions/v1/metering-events").Respond(_ => Json($"[{PlatformJson.ProductUsage}]"));
        var usage = (await Client.GetExternalServiceMeteringEventsAsync("svc1", "v1")).Single();
        Assert.Multiple(() =>
        {
            Assert.That(usage.Timestamp, Is.EqualTo(PlatformJson.At0800));
            Assert.That(usage.ProductName, Is.EqualTo("calls"));
            Assert.That(usage.ProductId, Is.EqualTo("prod_1"));
            Assert.That(usage.UnitPrice, Is.EqualTo(0.5));
            Assert.That(usage.Currency, Is.EqualTo("EUR"));
            Assert.That(usage.Count, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task ReportMetering_posts_the_usage_and_maps_test_mode()
    {
        Expect(HttpMethod.Post, "external-services/metering").Respond(_ => Json("""{"testMode":true,"count":5,"productId":"prod_YX8skS2X","correlationId":"c-1"}"""));
        var response = await Client.ReportMeteringAsync(new MeteringRequest { CorrelationId = "c-1", ProductId = "prod_YX8skS2X", Count = 5 });
        AssertJsonBody("""{"correlationId":"c-1","productId":"prod_YX8skS2X","count":5}""");
        Assert.That(response.TestMode, Is.True);
        Assert.That(response.Count, Is.EqualTo(5));
    }
}

[TestFixture]
public class WorkflowServicesClientTests : PlatformTestBase
{
    private const string Model = "<?xml version=\"1.0\"?><bpmn:definitions/>";

    private WorkflowServicesClient Client => new(Hub.Http);

    [Test]
    public async Task CreateWorkflowService_posts_name_and_description()
    {
        Expect(HttpMethod.Post, "workflow-services").Respond(_ => Json(PlatformJson.Service.Replace("\"MANAGED\"", "\"WORKFLOW\""), HttpStatusCode.Created));
        var service = await Client.CreateWorkflowServiceAsync(new CreateWorkflowServiceRequest { Name = "flow", Description = "Two steps" });
        AssertJsonBody("""{"name":"flow","description":"Two steps"}""");
        Assert.That(service.Type, Is.EqualTo(ServiceType.Workflow));
    }

    [Test]
    public async Task GetWorkflowModel_reads_BPMN_text()
    {
        Expect(HttpMethod.Get, "workflow-services/svc1/versions/v1/workflow-model").Respond(_ => Text(Model));
        Assert.That(await Client.GetWorkflowModelAsync("svc1", "v1"), Is.EqualTo(Model));
    }

    [Test]
    public async Task UpdateWorkflowModel_puts_the_XML_as_text_plain()
    {
        Expect(HttpMethod.Put, "workflow-services/svc1/versions/v1/workflow-model").Respond(_ => NoContent());
        await Client.UpdateWorkflowModelAsync("svc1", "v1", Model);
        Assert.That(Sent.Request.Content!.Headers.ContentType!.MediaType, Is.EqualTo("text/plain"));
        Assert.That(Sent.Body, Is.EqualTo(Model));
    }
}

[TestFixture]
public class ServiceExecutionsClientTests : PlatformTestBase
{
    private ServiceExecutionsClient Client => new(Hub.Http);

    [Test]
    public async Task ListServiceExecutions_pages_and_filters_by_service_and_status()
    {
        Expect(HttpMethod.Get, "service-executions", "page=0&size=50&sort=createdAt%2Cdesc&serviceId=svc1&status=RUNNING")
            .Respond(_ => Json(PlatformJson.Page(PlatformJson.ServiceExecution, size: 50)));

        var page = await Client.ListServiceExecutionsAsync(0, 50, ["createdAt,desc"], "svc1", PlatformServiceExecutionStatus.Running);

        Assert.That(page.TotalElements, Is.EqualTo(1));
        var execution = page.Content!.Single();
        Assert.Multiple(() =>
        {
            Assert.That(execution.Id, Is.EqualTo("se1"));
            Assert.That(execution.Type, Is.EqualTo(PlatformServiceExecutionType.Managed));
            Assert.That(execution.ServiceId, Is.EqualTo("svc1"));
            Assert.That(execution.ServiceDefinitionId, Is.EqualTo("v1"));
            Assert.That(execution.ApplicationId, Is.EqualTo("app1"));
            Assert.That(execution.SubscriptionId, Is.EqualTo("sub1"));
            Assert.That(execution.EndedAt - execution.StartedAt, Is.EqualTo(TimeSpan.FromSeconds(8)));
            Assert.That(execution.Tags, Is.EqualTo(new[] { "demo" }));
        });
    }

    [Test]
    public async Task GetServiceExecution_gets_one()
    {
        Expect(HttpMethod.Get, "service-executions/se1").Respond(_ => Json(PlatformJson.ServiceExecution));
        Assert.That((await Client.GetServiceExecutionAsync("se1")).Status, Is.EqualTo(PlatformServiceExecutionStatus.Succeeded));
    }

    [Test]
    public async Task GetServiceExecutionInput_returns_arbitrary_json()
    {
        Expect(HttpMethod.Get, "service-executions/se1/input").Respond(_ => Json("""{"molecule":"H2","shots":[1,2]}"""));
        var input = Newtonsoft.Json.Linq.JToken.FromObject((await Client.GetServiceExecutionInputAsync("se1"))!);
        Assert.That((string?)input["molecule"], Is.EqualTo("H2"));
    }

    [Test]
    public async Task GetServiceExecutionResult_returns_arbitrary_json()
    {
        Expect(HttpMethod.Get, "service-executions/se1/result").Respond(_ => Json("""{"energy":-1.137}"""));
        var result = Newtonsoft.Json.Linq.JToken.FromObject((await Client.GetServiceExecutionResultAsync("se1"))!);
        Assert.That((double)result["energy"]!, Is.EqualTo(-1.137));
    }

    [Test]
    public async Task GetServiceExecutionLogs_maps_entries()
    {
        Expect(HttpMethod.Get, "service-executions/se1/logs").Respond(_ => Json("""[{"message":"started","severity":"INFO","timestamp":"2026-11-24T08:00:00Z"}]"""));
        var entry = (await Client.GetServiceExecutionLogsAsync("se1")).Single();
        Assert.That(entry.Message, Is.EqualTo("started"));
        Assert.That(entry.Severity, Is.EqualTo(PlatformLogSeverity.Info));
        Assert.That(entry.Timestamp, Is.EqualTo(PlatformJson.At0800));
    }

    [Test]
    public async Task CancelServiceExecution_sends_PUT_without_a_body()
    {
        Expect(HttpMethod.Put, "service-executions/se1/cancel").Respond(_ => Json(PlatformJson.ServiceExecution.Replace("SUCCEEDED", "CANCELLED")));
        var execution = await Client.CancelServiceExecutionAsync("se1");
        AssertNoBody();
        Assert.That(execution.Status, Is.EqualTo(PlatformServiceExecutionStatus.Cancelled));
    }

    [Test]
    public void CancelServiceExecution_of_a_finished_execution_is_a_409()
    {
        Expect(HttpMethod.Put, "service-executions/se1/cancel").Respond(_ => ErrorResponse(HttpStatusCode.Conflict, """{"errorMessage":"already SUCCEEDED"}"""));
        var ex = Assert.ThrowsAsync<PlatformApiException>(() => Client.CancelServiceExecutionAsync("se1"));
        Assert.That(ex!.StatusCode, Is.EqualTo(409));
    }
}

[TestFixture]
public class ServiceJobsClientTests : PlatformTestBase
{
    private ServiceJobsClient Client => new(Hub.Http);

    [Test]
    public async Task GetServiceJobs_lists_overviews()
    {
        Expect(HttpMethod.Get, "service-jobs").Respond(_ => Json("""
            [{"id":"sj1","status":"PENDING","createdAt":"2026-11-24T08:00:00Z","serviceDefinition":{"id":"v1","name":"echo","serviceId":"svc1"}}]
            """));
        var job = (await Client.GetServiceJobsAsync()).Single();
        Assert.That(job.Status, Is.EqualTo(PlatformServiceExecutionStatus.Pending));
        Assert.That(job.ServiceDefinition!.ServiceId, Is.EqualTo("svc1"));
    }

    [Test]
    public async Task CreateServiceJob_posts_input_and_data_pool_refs()
    {
        Expect(HttpMethod.Post, "service-jobs").Respond(_ => Json(PlatformJson.ServiceJob, HttpStatusCode.Created));

        var job = await Client.CreateServiceJobAsync(new CreateServiceJobRequest
        {
            ServiceDefinitionId = "v1",
            InputData = "{\"n\":2}",
            ParametersRef = new DataPoolRef { DataPoolId = "dp1", FileId = "f2" },
            PersistResult = true,
        });

        AssertJsonBody("""{"serviceDefinitionId":"v1","inputData":"{\"n\":2}","parametersRef":{"dataPoolId":"dp1","fileId":"f2"},"persistResult":true}""");
        Assert.Multiple(() =>
        {
            Assert.That(job.Id, Is.EqualTo("sj1"));
            Assert.That(job.Status, Is.EqualTo(PlatformServiceExecutionStatus.Running));
            Assert.That(job.InputDataRef!.DataSourceDescriptorId, Is.EqualTo("ds1"));
            Assert.That(job.Result, Is.Null);
            Assert.That(job.ResultDataPoolId, Is.EqualTo("dp9"));
            Assert.That(job.ServiceDefinition!.IsDeleted, Is.False);
        });
    }

    [Test]
    public async Task GetServiceJob_gets_one()
    {
        Expect(HttpMethod.Get, "service-jobs/sj1").Respond(_ => Json(PlatformJson.ServiceJob));
        Assert.That((await Client.GetServiceJobAsync("sj1")).PersistResult, Is.True);
    }

    [Test]
    public async Task DeleteServiceJob_sends_DELETE()
    {
        Expect(HttpMethod.Delete, "service-jobs/sj1").Respond(_ => NoContent());
        await Client.DeleteServiceJobAsync("sj1");
        Assert.That(Sent.Request.Method, Is.EqualTo(HttpMethod.Delete));
    }

    [Test]
    public async Task CancelServiceJob_sends_PUT_to_cancel()
    {
        Expect(HttpMethod.Put, "service-jobs/sj1/cancel").Respond(_ => Json(PlatformJson.ServiceJob.Replace("RUNNING", "CANCELLED")));
        Assert.That((await Client.CancelServiceJobAsync("sj1")).Status, Is.EqualTo(PlatformServiceExecutionStatus.Cancelled));
        AssertNoBody();
    }

    [Test]
    public async Task GetServiceJobCosts_maps_usage()
    {
        Expect(HttpMethod.Get, "service-jobs/sj1/costs").Respond(_ => Json($"[{PlatformJson.ProductUsage}]"));
        Assert.That((await Client.GetServiceJobCostsAsync("sj1")).Single().Count, Is.EqualTo(3));
    }

    [Test]
    public async Task GetServiceJobLogs_reads_text()
    {
        Expect(HttpMethod.Get, "service-jobs/sj1/logs").Respond(_ => Text("line 1\n"));
        Assert.That(await Client.GetServiceJobLogsAsync("sj1"), Is.EqualTo("line 1\n"));
        AssertAccepts("text/plain");
    }
}
