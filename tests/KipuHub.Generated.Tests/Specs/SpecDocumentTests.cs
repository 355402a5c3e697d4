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
