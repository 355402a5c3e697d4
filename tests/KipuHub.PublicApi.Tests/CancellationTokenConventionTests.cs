using System.Reflection;
using KipuHub.PublicApi.Tests.Support;
using Newtonsoft.Json.Linq;

namespace KipuHub.PublicApi.Tests;

/// <summary>
/// The CancellationToken rule, over every public method of the shipped assemblies (generated clients, their
/// interfaces, the facade, DI, emulator):
/// <list type="number">
/// <item>a method takes at most one <see cref="CancellationToken"/>; it is the last parameter and optional
/// (<c>= default</c>);</item>
/// <item>every optional parameter before it is an input of the call itself (an operation's query parameter or optional
/// body part; a facade's options, progress or flag), never a cross-cutting HTTP header. So <c>(required..., ct)</c>
/// binds positionally for every operation without optional inputs (<c>Jobs.GetJobAsync(id, ct)</c>), and only calls
/// with optional inputs name the token, as with <c>JsonSerializer.DeserializeAsync(stream, options, ct)</c>.</item>
/// </list>
/// Headers (<c>X-OrganizationId</c>, the legacy <c>X-Service-Execution-Id</c>) are declared in the specs but excluded
/// from the generated methods by nswag.json; rule 2 checks each generated method against its operation in the spec.
/// </summary>
public class CancellationTokenConventionTests
{
    private static readonly Assembly[] Shipped =
    [
        typeof(KipuHub.Generated.Quantum.JobsClient).Assembly,
        typeof(KipuHub.Generated.Service.ServiceApiClient).Assembly,
        typeof(KipuHub.Generated.Platform.DataPoolsClient).Assembly,
        typeof(KipuHub.HubQuantumClient).Assembly,
        typeof(Microsoft.Extensions.DependencyInjection.KipuHubServiceCollectionExtensions).Assembly,
        typeof(KipuHub.Emulator.KipuHubEmulator).Assembly,
    ];

    private static readonly (Assembly Assembly, string Spec)[] Generated =
    [
        (typeof(KipuHub.Generated.Quantum.JobsClient).Assembly, "quantum.json"),
        (typeof(KipuHub.Generated.Service.ServiceApiClient).Assembly, "service.json"),
        (typeof(KipuHub.Generated.Platform.DataPoolsClient).Assembly, "platform.json"),
    ];

    private static IEnumerable<MethodInfo> PublicMethodsWithToken(Assembly assembly) =>
        assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && m.GetParameters().Any(p => p.ParameterType == typeof(CancellationToken)));

    private static string Describe(MethodInfo m) =>
        $"{m.DeclaringType!.FullName}.{m.Name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name + " " + p.Name + (p.IsOptional ? "?" : "")))})";

    [Test]
    public void Every_token_is_the_single_last_optional_parameter()
    {
        var problems = new List<string>();
        var count = 0;
        foreach (var method in Shipped.SelectMany(PublicMethodsWithToken))
        {
            count++;
            var parameters = method.GetParameters();
            if (parameters.Count(p => p.ParameterType == typeof(CancellationToken)) != 1) problems.Add("more than one token: " + Describe(method));
            else if (parameters[^1].ParameterType != typeof(CancellationToken)) problems.Add("token not last: " + Describe(method));
            else if (!parameters[^1].IsOptional) problems.Add("token not optional: " + Describe(method));
        }
        TestContext.Out.WriteLine($"{count} public methods take a CancellationToken");
        Assert.That(count, Is.GreaterThan(400), "the scan must see the generated clients and the facade");
        Assert.That(problems, Is.Empty, string.Join("\n", problems));
    }

    [Test]
    public void Optional_parameters_before_the_token_of_a_generated_method_are_inputs_of_its_operation_never_headers()
    {
        var root = ApiBaseline.FindRepositoryRoot(TestContext.CurrentContext.TestDirectory);
        var problems = new List<string>();
        var checkedMethods = 0;
        var positional = 0;
        foreach (var (assembly, spec) in Generated)
        {
            var operations = Operations(Path.Combine(root, "specs", spec));
            foreach (var method in PublicMethodsWithToken(assembly))
            {
                if (!operations.TryGetValue(method.Name, out var operation))
                {
                    problems.Add($"{spec}: no operation for {Describe(method)}");
                    continue;
                }
                checkedMethods++;
                var optional = method.GetParameters()[..^1].Where(p => p.IsOptional).ToList();
                if (optional.Count == 0) positional++;
                foreach (var parameter in optional)
                {
                    var name = Key(parameter.Name!);
                    if (operation.Headers.Contains(name)) problems.Add($"header parameter '{parameter.Name}' before the token: {Describe(method)}");
                    else if (!operation.Inputs.Contains(name)) problems.Add($"optional '{parameter.Name}' is no query parameter or body part of its operation: {Describe(method)}");
                }
            }
        }
        TestContext.Out.WriteLine($"{checkedMethods} generated methods checked; {positional} take (required..., ct) positionally, the rest have optional inputs");
        Assert.That(checkedMethods, Is.GreaterThan(300));
        Assert.That(problems, Is.Empty, string.Join("\n", problems));
    }

    [Test]
    public async Task The_legacy_scoped_job_methods_take_the_token_positionally()
    {
        // Compiles only while no optional parameter sits between the id and the token (issue: a legacy header did).
        var jobs = new Moq.Mock<KipuHub.Generated.Quantum.IJobsClient>();
        using var cts = new CancellationTokenSource();
        var ct = cts.Token;
        await jobs.Object.GetJobAsync("j1", ct);
        await jobs.Object.GetJobStatusAsync("j1", ct);
        await jobs.Object.CancelJobAsync("j1", ct);
        await jobs.Object.GetJobInputAsync("j1", ct);
        await jobs.Object.GetJobCalibrationAsync("j1", ct);
        await jobs.Object.GetJobResultAsync("j1", ct);
        await jobs.Object.GetJobResultStreamAsync("j1", ct);
        jobs.Verify(j => j.GetJobAsync("j1", ct), Moq.Times.Once());
        jobs.Verify(j => j.GetJobResultStreamAsync("j1", ct), Moq.Times.Once());
    }

    private sealed record Operation(HashSet<string> Headers, HashSet<string> Inputs);

    /// <summary>Method name (operationId in PascalCase + Async) to the names of the operation's header and other inputs.</summary>
    private static Dictionary<string, Operation> Operations(string specPath)
    {
        var doc = JObject.Parse(File.ReadAllText(specPath));
        var result = new Dictionary<string, Operation>(StringComparer.Ordinal);
        foreach (var path in ((JObject)doc["paths"]!).Properties())
        {
            foreach (var op in ((JObject)path.Value).Properties().Where(p => p.Value is JObject o && o["operationId"] is not null))
            {
                var headers = new HashSet<string>(StringComparer.Ordinal);
                var inputs = new HashSet<string>(StringComparer.Ordinal);
                foreach (var raw in op.Value["parameters"] ?? new JArray())
                {
                    var parameter = Resolve(doc, raw);
                    var names = new[] { (string?)parameter["name"], (string?)parameter["x-originalName"] }.Where(n => n is not null).Select(n => Key(n!));
                    (((string?)parameter["in"]) == "header" ? headers : inputs).UnionWith(names);
                }
                foreach (var media in (op.Value["requestBody"]?["content"] as JObject)?.Properties() ?? [])
                {
                    var schema = Resolve(doc, media.Value["schema"] ?? new JObject());
                    inputs.UnionWith(((schema["properties"] as JObject)?.Properties() ?? []).Select(p => Key(p.Name)));
                    inputs.UnionWith(["body", "request"]);
                }
                var id = (string)op.Value["operationId"]!;
                result[char.ToUpperInvariant(id[0]) + id[1..] + "Async"] = new Operation(headers, inputs);
            }
        }
        return result;
    }

    private static JToken Resolve(JObject doc, JToken node) =>
        node["$ref"] is { } reference ? doc.SelectToken(((string)reference!).TrimStart('#').Replace('/', '.').TrimStart('.'))! : node;

    private static string Key(string name) => new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
}
