using System.Net;
using System.Net.Http.Headers;
using KipuHub.Generated.Tests.Support;

namespace KipuHub.Generated.Tests.Platform;

/// <summary>Per-operation tests of the Platform (qc-catalog) clients: camelCase wire, base address ending in /qc-catalog/.</summary>
public abstract class PlatformTestBase : GeneratedClientTestBase
{
    protected override string BaseAddress => MockHub.PlatformBase;

    /// <summary>A 204 with no body, as the Hub answers DELETE (platform-api.md §5.4).</summary>
    protected static HttpResponseMessage NoContent() => new(HttpStatusCode.NoContent);

    /// <summary>A text/plain response (api-spec, build logs, workflow model, job logs).</summary>
    protected static HttpResponseMessage Text(string text, string mediaType = "text/plain") =>
        new(HttpStatusCode.OK) { Content = new StringContent(text, System.Text.Encoding.UTF8, mediaType) };

    /// <summary>A binary response streamed from <paramref name="source"/>.</summary>
    protected static HttpResponseMessage Bytes(Stream source, string mediaType = "application/octet-stream")
    {
        var content = new StreamContent(source, 16 * 1024);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    /// <summary>Asserts the captured request had no body (POST/PUT actions without a payload).</summary>
    protected void AssertNoBody() => Assert.That(Sent.Body, Is.Null.Or.Empty);

    /// <summary>The parts of a multipart/form-data request, read while the request is still alive.</summary>
    protected static async Task<IReadOnlyList<(string? Name, string? FileName, string? ContentType, byte[] Bytes)>> ReadPartsAsync(HttpRequestMessage request)
    {
        Assert.That(request.Content, Is.InstanceOf<MultipartFormDataContent>());
        var parts = new List<(string?, string?, string?, byte[])>();
        foreach (var part in (MultipartFormDataContent)request.Content!)
        {
            var disposition = part.Headers.ContentDisposition!;
            parts.Add((disposition.Name?.Trim('"'), disposition.FileName?.Trim('"'), part.Headers.ContentType?.MediaType, await part.ReadAsByteArrayAsync()));
        }
        return parts;
    }
}

/// <summary>Canned camelCase responses shared by the Platform tests.</summary>
internal static class PlatformJson
{
    public const string DataPool = """
        {"id":"dp1","name":"molecules","shortDescription":"H2 and LiH","description":"Geometries","currentUserPermission":"OWNER","createdAt":"2026-11-24T08:00:00Z"}
        """;

    public const string DataPoolFile = """
        {"id":"f1","dataPoolId":"dp1","name":"h2.csv","fullPath":"/h2.csv","contentType":"text/csv","contentLength":5368709120,"createdAt":"2026-11-24T08:01:00Z"}
        """;

    public const string Share = """
        {"id":"sh1","dataPoolId":"dp1","serviceId":"svc1","principalId":"org-2","principalType":"ORGANIZATION","principalName":"Acme","permission":"MAINTAINER","createdAt":"2026-11-24T08:02:00Z"}
        """;

    public const string ServiceDefinition = """
        {"id":"v1","version":"1.0.0","name":"echo","context":"/acme/echo","description":"Echoes","productionEndpoint":"https://prod/echo",
         "gatewayEndpoint":"https://gateway.hub.kipu-quantum.com/acme/echo/1.0.0","type":"MANAGED","lifecycle":"PUBLISHED",
         "pricingPlans":[{"id":"pp1","type":"FREE","products":[{"id":"prod_1","name":"calls","unitLabel":"call","amountMajor":0.5,"currency":"EUR","type":"API"}]}],
         "industries":[{"uuid":"i1","label":"Chemistry","children":[{"uuid":"i2","label":"Batteries"}]}],
         "logoUrl":"https://logo","createdAt":"2026-11-24T08:00:00Z","modifiedAt":"2026-11-24T09:00:00Z","createdBy":"u1","modifiedBy":"u2",
         "configurations":[{"type":"CpuConfiguration","amount":500,"unit":"m"},{"type":"MemoryConfiguration","amount":2,"unit":"G"},{"type":"GpuConfiguration","amount":1,"accelerator":"NVIDIA_TESLA_T4"}],
         "runtimeConfiguration":{"runtime":"PYTHON_TEMPLATE","environment":{"LOG_LEVEL":"debug"},"applyProviderTokens":true},
         "source":{"type":"RegistrySource","image":"ghcr.io/acme/echo","tag":"1.0"}}
        """;

    public const string Service = $$"""
        {"id":"svc1","name":"echo","displayName":"Echo","currentUserPermission":"OWNER","serviceDefinitionId":"v1","type":"MANAGED",
         "lifecycle":"PUBLISHED","createdAt":"2026-11-24T08:00:00Z","logoUrl":"https://logo","buildStatus":"SUCCESS","serviceDefinitions":[{{ServiceDefinition}}]}
        """;

    public const string ServiceExecution = """
        {"id":"se1","status":"SUCCEEDED","type":"MANAGED","serviceId":"svc1","serviceDefinitionId":"v1","applicationId":"app1","subscriptionId":"sub1",
         "createdAt":"2026-11-24T08:00:00Z","startedAt":"2026-11-24T08:00:01Z","endedAt":"2026-11-24T08:00:09Z","tags":["demo"]}
        """;

    public const string PricingPlan = """{"id":"pp1","type":"COMMERCIAL","products":[{"id":"prod_YX8skS2X","name":"shots","unitLabel":"shot","amountMajor":0.01,"currency":"EUR","type":"IONQ_1_GATE_SHOT"}]}""";

    public const string ProductUsage = """{"timestamp":"2026-11-24T08:00:00Z","productName":"calls","productId":"prod_1","unitPrice":0.5,"currency":"EUR","count":3}""";

    public const string Application = """
        {"id":"app1","name":"lab","description":"Lab app","currentUserPermission":"MAINTAINER","subscriptionCount":2,"createdAt":"2026-11-24T08:00:00Z"}
        """;

    public const string Api = """
        {"id":"api1","serviceId":"svc1","name":"echo","context":"/acme/echo","version":"1.0.0","description":"Echoes","gatewayEndpoint":"https://gateway/acme/echo/1.0.0",
         "pricingPlans":[{"id":"pp1","type":"FREE"}],"pricingCategory":"FREEMIUM","industries":[],"provider":"Acme","lifecycle":"PUBLISHED","serviceType":"EXTERNAL","rating":4.5,"isFeatured":true}
        """;

    public const string Subscription = $$"""
        {"id":"sub1","application":{{Application}},"api":{{Api}},"pricingPlan":{"id":"pp1","type":"FREE"},"logsAvailable":true,"createdAt":"2026-11-24T08:00:00Z"}
        """;

    public const string AccessToken = """
        {"id":"t1","name":"ci","scopes":["API","QUANTUM_TOKENS"],"createdAt":"2026-11-24T08:00:00Z","usedAt":null,"expiresAt":"2027-11-24T08:00:00Z","value":"kqh_secret","token":"eyJ.app"}
        """;

    public const string ServiceJob = """
        {"id":"sj1","status":"RUNNING","inputData":"{\"n\":2}","inputDataRef":{"dataPoolId":"dp1","dataSourceDescriptorId":"ds1","fileId":"f1"},
         "parameters":"{}","result":null,"createdAt":"2026-11-24T08:00:00Z","startedAt":"2026-11-24T08:00:02Z","persistResult":true,"resultDataPoolId":"dp9",
         "serviceDefinition":{"id":"v1","name":"echo","serviceId":"svc1","type":"MANAGED","lifecycle":"PUBLISHED","isDeleted":false}}
        """;

    public const string Algorithm = """
        {"id":"alg1","name":"Grover","acronym":"GA","intent":"Search","problem":"Unstructured search","description":"Quadratic speed-up",
         "computationModel":"QUANTUM","currentUserPermission":"VIEWER","createdAt":"2026-11-24T08:00:00Z","modifiedAt":"2026-11-25T08:00:00Z"}
        """;

    public const string Implementation = """
        {"id":"impl1","name":"Grover in Qiskit","implementedAlgorithmId":"alg1","technology":"Qiskit","version":"1.2","description":"Textbook","currentUserPermission":"OWNER","createdAt":"2026-11-24T08:00:00Z"}
        """;

    public const string UseCase = """
        {"id":"uc1","title":"Battery chemistry","shortDescription":"LiH ground state","description":"VQE","industries":[{"uuid":"i1","label":"Chemistry"}],"currentUserPermission":"VIEWER","createdAt":"2026-11-24T08:00:00Z"}
        """;

    public const string Organization = """
        {"id":"org-2","name":"acme","displayName":"Acme Corp","description":"Quantum team","role":"OWNER","createdAt":"2026-11-24T08:00:00Z"}
        """;

    public const string Member = """
        {"userId":"u2","username":"ada","displayName":"Ada L.","email":"ada@acme.test","role":"MAINTAINER","joinedAt":"2026-11-24T08:00:00Z"}
        """;

    public const string User = """
        {"id":"u1","username":"grace","email":"grace@acme.test","firstName":"Grace","lastName":"Hopper","displayName":"Grace Hopper","academicTitle":"Dr.","createdAt":"2026-11-24T08:00:00Z"}
        """;

    public const string Notification = """
        {"id":"n1","type":"SERVICE_EXECUTION_FINISHED","title":"Done","message":"echo finished","link":"/executions/se1","read":false,"createdAt":"2026-11-24T08:00:00Z"}
        """;

    public const string GitIntegration = """
        {"id":"gi1","name":"acme-github","provider":"GITHUB","url":"https://github.com","username":"acme-bot","currentUserPermission":"OWNER","createdAt":"2026-11-24T08:00:00Z"}
        """;

    public const string Credentials = """
        {"applicationId":"app1","accessKeyId":"AKID","secretAccessKey":null,"tokenEndpoint":"https://gateway.hub.kipu-quantum.com/token","createdAt":"2026-11-24T08:00:00Z"}
        """;

    public const string QuantumWorkload = """
        {"type":"JOB","id":"j1","name":"bell","backendId":"aws.sim.sv1","provider":"AWS","status":"COMPLETED","sdkProvider":"CLIENT","organizationId":"org-2",
         "userId":"u1","sessionId":"s1","shots":1000,"createdAt":"2026-11-24T08:00:00Z","startedAt":"2026-11-24T08:00:01Z","endedAt":"2026-11-24T08:00:03Z","tags":["t"]}
        """;

    /// <summary>A page in the Platform shape (camelCase, zero-based page).</summary>
    public static string Page(string item, int page = 0, int size = 20, long total = 1, int pages = 1) =>
        $$"""{"content":[{{item}}],"page":{{page}},"size":{{size}},"totalElements":{{total}},"totalPages":{{pages}}}""";

    public static readonly DateTimeOffset At0800 = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);
}
