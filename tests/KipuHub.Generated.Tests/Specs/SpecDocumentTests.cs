using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;

namespace KipuHub.Generated.Tests.Specs;

/// <summary>Every spec under specs/ loads with a real OpenAPI reader and follows the house rules.</summary>
[TestFixture]
public class SpecDocumentTests
{
    private static readonly string[] Evidence = ["seed", "observed", "legacy", "inferred"];

    public static IEnumerable<string> SpecFiles() =>
        Directory.GetFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "specs"), "*.json").Select(Path.GetFileName)!;

    private static OpenApiDocument Load(string file, out OpenApiDiagnostic diagnostic)
    {
        using var stream = File.OpenRead(Path.Combine(TestContext.CurrentContext.TestDirectory, "specs", file));
        return new OpenApiStreamReader().Read(stream, out diagnostic);
    }

    [TestCaseSource(nameof(SpecFiles))]
    public void Spec_loads_without_errors_as_OpenApi_3_0(string file)
    {
        var doc = Load(file, out var diagnostic);
        Assert.That(diagnostic.Errors, Is.Empty, string.Join("\n", diagnostic.Errors.Select(e => e.Pointer + ": " + e.Message)));
        Assert.That(diagnostic.SpecificationVersion, Is.EqualTo(Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_0));
        Assert.That(doc.Paths, Is.Not.Empty);
    }

    [TestCaseSource(nameof(SpecFiles))]
    public void Every_operation_has_an_operationId_a_tag_and_evidence(string file)
    {
        var doc = Load(file, out _);
        var problems = new List<string>();
        var ids = new HashSet<string>();
        foreach (var (path, item) in doc.Paths)
        {
            foreach (var (method, op) in item.Operations)
            {
                var where = $"{method.ToString().ToUpperInvariant()} {path}";
                if (string.IsNullOrWhiteSpace(op.OperationId)) problems.Add(where + ": no operationId");
                else if (!ids.Add(op.OperationId)) problems.Add(where + ": duplicate operationId " + op.OperationId);
                if (op.Tags.Count == 0) problems.Add(where + ": no tag");
                if (!op.Extensions.TryGetValue("x-kipuhub-evidence", out var ev) ||
                    ev is not Microsoft.OpenApi.Any.OpenApiString s || !Evidence.Contains(s.Value))
                    problems.Add(where + ": x-kipuhub-evidence missing or not one of " + string.Join("|", Evidence));
                if (string.IsNullOrWhiteSpace(op.Summary)) problems.Add(where + ": no summary (it becomes the XML doc)");
            }
        }
        Assert.That(problems, Is.Empty, string.Join("\n", problems));
    }

    [TestCaseSource(nameof(SpecFiles))]
    public void Every_schema_reference_resolves(string file)
    {
        var doc = Load(file, out var diagnostic);
        Assert.That(diagnostic.Errors.Where(e => e.Message.Contains("reference", StringComparison.OrdinalIgnoreCase)), Is.Empty);
        Assert.That(doc.Components.Schemas, Is.Not.Empty);
    }

    [Test]
    public void Quantum_spec_covers_every_HubQuantumClient_method_of_sdk_api()
    {
        // sdk-api.md: backends 5, sessions 6, jobs 9, workloads 1, plus the service-execution-scoped family.
        string[] expected =
        [
            "getBackends", "getBackend", "getBackendStatus", "getBackendConfig", "getBackendCalibration",
            "createSession", "getSession", "getSessionStatus", "getJobsBySession", "updateSessionState", "closeSession",
            "searchJobs", "createJob", "getJob", "getJobStatus", "getJobResult", "getJobResultStream", "getJobInput", "getJobCalibration", "cancelJob",
            "getWorkloads",
            "searchServiceExecJobs", "createServiceExecJob", "getServiceExecJob", "getServiceExecJobStatus", "getServiceExecJobResult",
            "getServiceExecJobResultStream", "getServiceExecJobInput", "getServiceExecJobCalibration", "cancelServiceExecJob",
            "getServiceExecSession", "closeServiceExecSession",
        ];
        var doc = Load("quantum.json", out _);
        var actual = doc.Paths.Values.SelectMany(p => p.Operations.Values).Select(o => o.OperationId).ToList();
        Assert.That(actual, Is.EquivalentTo(expected));
    }

    [Test]
    public void Service_spec_covers_every_HubServiceClient_method_of_sdk_api()
    {
        string[] expected = ["getServiceExecutions", "startExecution", "getStatus", "getResult", "getResultFile", "getLogs", "cancelExecution"];
        var doc = Load("service.json", out _);
        var actual = doc.Paths.Values.SelectMany(p => p.Operations.Values).Select(o => o.OperationId).ToList();
        Assert.That(actual, Is.EquivalentTo(expected));
    }

    /// <summary>The 22 namespaces of sdk-api.md's HubPlatformClient table, as PascalCase tags (tag Foo -> FooClient).</summary>
    private static readonly string[] PlatformNamespaces =
    [
        "Algorithms", "Applications", "Authentication", "DataPools", "DataPoolGrants", "DataPoolShares", "ExternalServices", "GitIntegrations",
        "Implementations", "ManagedServices", "Marketplace", "Organizations", "QuantumWorkloads", "ServiceExecutions", "ServiceJobs", "ServiceShares",
        "Services", "Subscriptions", "UseCases", "UserNotifications", "Users", "WorkflowServices",
    ];

    [Test]
    public void Platform_spec_has_one_tag_per_HubPlatformClient_namespace_and_uses_every_one()
    {
        var doc = Load("platform.json", out _);
        var operations = doc.Paths.Values.SelectMany(p => p.Operations.Values).ToList();
        Assert.That(doc.Tags.Select(t => t.Name), Is.EquivalentTo(PlatformNamespaces));
        Assert.That(operations.Select(o => o.Tags.Single().Name).Distinct(), Is.EquivalentTo(PlatformNamespaces));
    }

    [Test]
    public void Platform_spec_covers_every_method_name_sdk_api_and_the_current_sources_give()
    {
        // sdk-api.md's Platform section names users.get_me and services.list_services; the current clients seen in
        // platform-api.md (A: planqk-api-sdk 1.9.3, G: TypeScript callers) add the data pool methods and these.
        var expected = new Dictionary<string, string[]>
        {
            ["Users"] = ["getMe"],
            ["Services"] = ["listServices", "getService"],
            ["Organizations"] = ["getOrganizations"],
            ["DataPools"] = ["getDataPools", "createDataPool", "getDataPool", "updateDataPool", "deleteDataPool", "getDataPoolFiles", "addDataPoolFile", "getDataPoolFile", "deleteDataPoolFile"],
        };
        var doc = Load("platform.json", out _);
        var byTag = doc.Paths.Values.SelectMany(p => p.Operations.Values).ToLookup(o => o.Tags.Single().Name, o => o.OperationId);
        foreach (var (tag, ids) in expected)
            Assert.That(byTag[tag], Is.SupersetOf(ids), tag);
    }

    [Test]
    public void Platform_wire_names_and_parameters_are_camelCase()
    {
        var doc = Load("platform.json", out _);
        var snake = doc.Components.Schemas
            .SelectMany(s => s.Value.Properties.Keys.Concat(s.Value.AllOf.SelectMany(a => a.Properties.Keys)).Select(k => s.Key + "." + k))
            .Where(k => k.Split('.')[1].Contains('_'))
            .ToList();
        var parameters = doc.Paths.SelectMany(p => p.Value.Operations.Values.SelectMany(o => o.Parameters.Where(x => x.In != ParameterLocation.Header)).Select(x => p.Key + " " + x.Name))
            .Where(n => n.Split(' ')[1].Contains('_') || char.IsUpper(n.Split(' ')[1][0]))
            .ToList();
        var pathSegments = doc.Paths.Keys.Where(p => System.Text.RegularExpressions.Regex.IsMatch(p, @"\{[^}]*_[^}]*\}|\{[A-Z]")).ToList();
        Assert.That(snake, Is.Empty, "schema properties");
        Assert.That(parameters, Is.Empty, "parameters");
        Assert.That(pathSegments, Is.Empty, "path parameters");
    }

    [Test]
    public void Platform_pages_have_the_platform_page_shape()
    {
        var doc = Load("platform.json", out _);
        var pages = doc.Components.Schemas.Where(s => s.Key.StartsWith("Page", StringComparison.Ordinal)).ToList();
        Assert.That(pages.Select(p => p.Key), Does.Contain("PageServiceDto"));
        foreach (var (name, schema) in pages)
            Assert.That(schema.Properties.Keys, Is.EquivalentTo(new[] { "content", "page", "size", "totalElements", "totalPages" }), name);
    }

    [Test]
    public void Platform_upload_is_multipart_and_downloads_are_binary_streams()
    {
        var doc = Load("platform.json", out _);
        var upload = doc.Paths["/datapools/{dataPoolId}/files"].Operations[OperationType.Post];
        var part = upload.RequestBody.Content["multipart/form-data"].Schema.Properties["file"];
        Assert.That((part.Type, part.Format), Is.EqualTo(("string", "binary")));
        var download = doc.Paths["/datapools/{dataPoolId}/files/{fileId}"].Operations[OperationType.Get];
        // The file comes back in its own media type (text/csv, ...): any media type is declared, as binary.
        var body = download.Responses["200"].Content.Single();
        Assert.That(body.Key, Is.EqualTo("*/*"));
        Assert.That((body.Value.Schema.Type, body.Value.Schema.Format), Is.EqualTo(("string", "binary")));
    }

    [TestCaseSource(nameof(SpecFiles))]
    public void Spec_declares_the_MIT_license_and_its_servers(string file)
    {
        var doc = Load(file, out _);
        Assert.That(doc.Info.License?.Name, Is.EqualTo("MIT"));
        Assert.That(doc.Servers, Is.Not.Empty);
    }

    [Test]
    public void Service_server_is_the_gateway_url_template_with_variables()
    {
        var doc = Load("service.json", out _);
        var server = doc.Servers.Single();
        Assert.That(server.Url, Is.EqualTo("https://gateway.hub.kipu-quantum.com/{context}/{service}/{version}"));
        Assert.That(server.Variables.Keys, Is.EquivalentTo(new[] { "context", "service", "version" }));
        Assert.That(server.Variables.Values.Select(v => v.Default), Has.All.Not.Empty);
    }

    [Test]
    public void Platform_declares_409_where_conflicts_happen_and_errors_have_no_schema()
    {
        var doc = Load("platform.json", out _);
        var operations = doc.Paths.Values.SelectMany(p => p.Operations.Values).ToDictionary(o => o.OperationId);
        foreach (var id in new[] { "createDataPool", "addDataPoolFile", "createDataPoolShare", "createServiceShare", "publishService", "unpublishService", "createSubscription", "createManagedService", "createApplication" })
            Assert.That(operations[id].Responses.Keys, Does.Contain("409"), id);
        var errorsWithContent = operations.Values.SelectMany(o => o.Responses.Where(r => r.Key.StartsWith('4') || r.Key.StartsWith('5')).Where(r => r.Value.Content.Count > 0).Select(r => o.OperationId + " " + r.Key)).ToList();
        Assert.That(errorsWithContent, Is.Empty);
    }

    [Test]
    public void Platform_operations_document_only_the_organization_header_which_the_facade_adds()
    {
        var doc = Load("platform.json", out _);
        var headers = doc.Paths.Values.SelectMany(p => p.Operations.Values)
            .SelectMany(o => o.Parameters.Where(x => x.In == ParameterLocation.Header).Select(x => x.Name))
            .Distinct().ToList();
        Assert.That(headers, Is.EqualTo(new[] { "X-OrganizationId" }));
        Assert.That(doc.SecurityRequirements.Single().Keys.Single().Name, Is.EqualTo("X-Auth-Token"));
        Assert.That(doc.Servers.Single().Url, Is.EqualTo("https://api.hub.kipu-quantum.com/qc-catalog"));
    }

    // Header parameters are documented for other generators, but no C# method takes them: nswag.json excludes them
    // (the facade sends X-OrganizationId from its options; X-Service-Execution-Id is legacy and set per HttpClient).
    [TestCase("quantum.json", new[] { "X-OrganizationId", "X-Service-Execution-Id" })]
    [TestCase("platform.json", new[] { "X-OrganizationId" })]
    [TestCase("service.json", new string[0])]
    public void Header_parameters_are_shared_components_excluded_from_the_generated_methods(string file, string[] expected)
    {
        var doc = Load(file, out _);
        var inline = new List<string>();
        foreach (var op in doc.Paths.Values.SelectMany(p => p.Operations.Values))
            foreach (var header in op.Parameters.Where(x => x.In == ParameterLocation.Header))
                if (header.Reference is null) inline.Add(op.OperationId + " " + header.Name);
        var declared = doc.Components.Parameters.Values.Where(p => p.In == ParameterLocation.Header).Select(p => p.Name);
        Assert.That(inline, Is.Empty, "header parameters are $refs to components/parameters");
        Assert.That(declared, Is.EquivalentTo(expected));

        var nswag = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(Path.Combine(RepoRoot(), "nswag.json")));
        var excluded = nswag.SelectToken("codeGenerators.openApiToCSharpClient.excludedParameterNames")!.Values<string>();
        Assert.That(excluded, Is.SupersetOf(expected));
    }

    [Test]
    public void Most_quantum_and_platform_operations_accept_the_organization_header()
    {
        foreach (var file in new[] { "quantum.json", "platform.json" })
        {
            var doc = Load(file, out _);
            var operations = doc.Paths.SelectMany(p => p.Value.Operations.Select(o => (Path: p.Key, Op: o.Value))).ToList();
            var without = operations.Where(o => !o.Op.Parameters.Any(x => x.Name == "X-OrganizationId")).Select(o => o.Path).ToList();
            // platform-api.md §1: every operation but the marketplace (/v2/apis...) and metering accepts it.
            Assert.That(without, Has.All.Matches<string>(p => p.StartsWith("/v2/apis", StringComparison.Ordinal) || p.Contains("metering", StringComparison.Ordinal)), file);
            Assert.That(operations.Count - without.Count, Is.GreaterThan(operations.Count * 9 / 10), file);
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "nswag.json"))) return dir.FullName;
        throw new InvalidOperationException("nswag.json not found above " + TestContext.CurrentContext.TestDirectory);
    }

    [Test]
    public void Job_input_is_a_discriminated_union_keyed_by_type()
    {
        var doc = Load("quantum.json", out _);
        var input = doc.Components.Schemas["JobInput"];
        Assert.That(input.Discriminator.PropertyName, Is.EqualTo("type"));
        Assert.That(input.Discriminator.Mapping.Keys, Is.SupersetOf(new[]
        {
            "AZURE_IONQ_SIMULATOR", "AWS_SIM_SV1", "AWS_SIM_DM1", "AWS_IONQ_ARIA", "AWS_IONQ_ARIA_2", "AWS_IONQ_FORTE", "AWS_IQM_GARNET", "AWS_RIGETTI_ANKAA",
        }));
    }

    [Test]
    public void Quantum_wire_names_are_snake_case()
    {
        var doc = Load("quantum.json", out _);
        var camel = doc.Components.Schemas
            .SelectMany(s => s.Value.Properties.Keys.Concat(s.Value.AllOf.SelectMany(a => a.Properties.Keys)).Select(k => s.Key + "." + k))
            .Where(k => k.Split('.')[1].Any(char.IsUpper))
            .ToList();
        Assert.That(camel, Is.Empty);
    }
}
