using System.Reflection;
using System.Text.Json;
using KipuHub.Generated.Platform;
using KipuHub.Generated.Quantum;
using KipuHub.Generated.Service;
using Newtonsoft.Json.Linq;
using Stj = System.Text.Json.JsonSerializer;

namespace KipuHub.Generated.Tests.Json;

/// <summary>
/// Newtonsoft.Json is the wire library; System.Text.Json is what ASP.NET Core (and most logging) uses. For every public
/// model of the three generated assemblies, a populated instance serializes to the same JSON with both, and each
/// library reads the other's output back to that JSON.
/// </summary>
[TestFixture]
public class SystemTextJsonRoundTripTests
{
    // ASP.NET Core's defaults (camelCase naming, case-insensitive reading) and the library defaults: the wire names win in both.
    private static readonly JsonSerializerOptions[] StjOptions = [new(JsonSerializerDefaults.Web), new()];

    private static readonly Assembly[] Assemblies = [typeof(Job).Assembly, typeof(ServiceDto).Assembly, typeof(ServiceExecution).Assembly];

    public static IEnumerable<TestCaseData> Models() =>
        ModelTypes().SelectMany(t => new[] { 0, 1, 2, 3 }.Select(v => new TestCaseData(t, v).SetName($"{t.Namespace!.Replace("KipuHub.Generated.", "")}.{t.Name} (variant {v})")));

    /// <summary>Every public class of the generated assemblies that is a model (not a client, exception or file response).</summary>
    private static IEnumerable<Type> ModelTypes() =>
        Assemblies.SelectMany(a => a.GetExportedTypes())
            .Where(t => t.IsClass && !t.IsNested && !t.IsAbstract && !t.IsGenericTypeDefinition && t.GetConstructor(Type.EmptyTypes) != null)
            .Where(t => !typeof(Exception).IsAssignableFrom(t) && !typeof(IDisposable).IsAssignableFrom(t) && !t.Name.EndsWith("Client", StringComparison.Ordinal))
            .OrderBy(t => t.FullName, StringComparer.Ordinal);

    private static IEnumerable<Type> EnumTypes() =>
        Assemblies.SelectMany(a => a.GetExportedTypes()).Where(ModelFiller.IsExtensibleEnum).OrderBy(t => t.FullName, StringComparer.Ordinal);

    [Test]
    public void The_model_list_covers_all_three_assemblies()
    {
        var byAssembly = ModelTypes().GroupBy(t => t.Assembly.GetName().Name!).ToDictionary(g => g.Key, g => g.Count());
        Assert.That(byAssembly.Keys, Is.EquivalentTo(Assemblies.Select(a => a.GetName().Name)));
        Assert.That(byAssembly.Values.Sum(), Is.GreaterThan(120), string.Join(", ", byAssembly));
        Assert.That(EnumTypes().Count(), Is.GreaterThan(40));
    }

    [TestCaseSource(nameof(Models))]
    public void Both_libraries_write_the_same_json_and_read_each_others(Type type, int variant)
    {
        var model = new ModelFiller(variant).Create(type);
        var newtonsoft = Newtonsoft.Json.JsonConvert.SerializeObject(model);
        Assert.That(JsonText.Parse(newtonsoft), Is.InstanceOf<JObject>());
        if (type.GetProperties().Any(p => p.CanWrite))
            Assert.That(((JObject)JsonText.Parse(newtonsoft)).Count, Is.GreaterThan(0), "the filler populated nothing");

        foreach (var options in StjOptions)
        {
            var stj = Stj.Serialize(model, type, options);
            JsonText.AssertEqual(stj, newtonsoft, "System.Text.Json wrote the model differently");

            var readByStj = Stj.Deserialize(newtonsoft, type, options)!;
            Assert.That(readByStj.GetType(), Is.EqualTo(model.GetType()), "System.Text.Json read another union variant");
            JsonText.AssertEqual(Newtonsoft.Json.JsonConvert.SerializeObject(readByStj), newtonsoft, "what System.Text.Json read, Newtonsoft.Json wrote differently");
            JsonText.AssertEqual(Stj.Serialize(readByStj, type, options), newtonsoft, "what System.Text.Json read, it wrote differently");

            var readByNewtonsoft = Newtonsoft.Json.JsonConvert.DeserializeObject(stj, type)!;
            Assert.That(readByNewtonsoft.GetType(), Is.EqualTo(model.GetType()), "Newtonsoft.Json read another union variant");
            JsonText.AssertEqual(Stj.Serialize(readByNewtonsoft, type, options), newtonsoft, "what Newtonsoft.Json read from System.Text.Json's output, System.Text.Json wrote differently");
            JsonText.AssertEqual(Newtonsoft.Json.JsonConvert.SerializeObject(readByNewtonsoft), newtonsoft, "what Newtonsoft.Json read from System.Text.Json's output, it wrote differently");
        }
    }

    [Test]
    public void Extensible_enums_are_their_string_value_in_both_libraries_known_or_not()
    {
        foreach (var type in EnumTypes())
        {
            var known = ((System.Collections.IList)type.GetProperty("KnownValues")!.GetValue(null)!)[0]!;
            var unknown = Activator.CreateInstance(type, "NOT_YET_INVENTED")!;
            foreach (var value in new[] { known, unknown })
            {
                var expected = Newtonsoft.Json.JsonConvert.ToString(value.ToString());
                Assert.That(Stj.Serialize(value, type), Is.EqualTo(expected), type.Name);
                Assert.That(Newtonsoft.Json.JsonConvert.SerializeObject(value), Is.EqualTo(expected), type.Name);
                Assert.That(Stj.Deserialize(expected, type), Is.EqualTo(value), type.Name);
            }
        }
    }

    [Test]
    public void A_job_from_the_wire_is_written_by_system_text_json_as_it_came()
    {
        const string wire = """
            {"id":"j1","backend_id":"aws.sim.sv1","status":"COMPLETED","provider":"NEW_CLOUD","created_at":"2026-03-04T05:06:07.891+02:00",
             "input_params":{"shots":10,"deep":[1,{"x":null}]},"shots":10,"brand_new_field":{"nested":[1,2,3]},"flag":true}
            """;
        var job = Newtonsoft.Json.JsonConvert.DeserializeObject<Job>(wire)!;

        var stj = Stj.Serialize(job, new JsonSerializerOptions(JsonSerializerDefaults.Web));

        JsonText.AssertEqual(stj, wire, "the Job System.Text.Json wrote is not the Job the Hub sent");
        Assert.That(stj, Does.Contain("\"status\":\"COMPLETED\"").And.Contain("\"backend_id\":\"aws.sim.sv1\"").And.Not.Contain("isKnown").And.Not.Contain("additionalProperties"));
    }

    [Test]
    public void A_union_read_by_system_text_json_is_its_variant_and_an_unknown_variant_keeps_every_field()
    {
        var known = Stj.Deserialize<JobInput>("""{"gateset":"qis","qubits":2,"circuit":[],"type":"AZURE_IONQ_SIMULATOR"}""");
        Assert.That(known, Is.TypeOf<AzureIonqSimulatorJobInput>());
        Assert.That(((AzureIonqSimulatorJobInput)known!).Qubits, Is.EqualTo(2));
        Assert.That(known.AdditionalProperties, Is.Empty, "the discriminator is not an unknown field of a known variant");

        var unknown = Stj.Deserialize<JobInput>("""{"type":"QUANDELA_SOMEDAY","photons":3}""")!;
        Assert.That(unknown.GetType(), Is.EqualTo(typeof(JobInput)));
        Assert.That(unknown.AdditionalProperties["type"], Is.EqualTo("QUANDELA_SOMEDAY"));
        JsonText.AssertEqual(Stj.Serialize(unknown), """{"type":"QUANDELA_SOMEDAY","photons":3}""", "the unknown variant did not round-trip");

        Assert.That(Stj.Serialize(new AzureIonqSimulatorJobInput { Gateset = "qis" }), Does.StartWith("{\"type\":\"AZURE_IONQ_SIMULATOR\""));
        Assert.Throws<JsonException>(() => Stj.Deserialize<JobInput>("""{"type":{"not":"a string"}}"""));
    }
}
