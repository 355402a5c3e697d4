using System.Text.Json.Nodes;
using KipuHub.SpecIntake;
using KipuHub.SpecIntake.Tests.Support;

namespace KipuHub.SpecIntake.Tests;

/// <summary>
/// The parts of our specs that we made by hand (license, servers, shared header parameters and their references,
/// descriptions, annotation-only schema structure, x-kipuhub-* annotations) survive an import of a Hub document that
/// lacks them: each spec with all of them stripped (<see cref="HubShape"/>) imports back to the spec itself, member
/// order included, apart from the operations' evidence, which the intake updates by design. What the Hub's document
/// has itself always wins.
/// </summary>
[TestFixture]
public sealed class OwnedPartsTests
{
    private const string ParameterRefPrefix = "#/components/parameters/";

    public static IEnumerable<string> Apis() => Repo.Apis;

    [TestCaseSource(nameof(Apis))]
    public async Task ADocumentWithoutOurPartsImportsBackToTheSpec(string api)
    {
        using var temp = new TempFolder();
        var current = Repo.Spec(api);
        var hub = HubShape.Strip(current);
        Assert.That(JsonNode.DeepEquals(hub, current), Is.False, "the stripped document must differ from the spec");
        var source = temp.File("hub.json");
        File.WriteAllText(source, SpecJson.Serialize(hub));

        var (result, report) = await Intake.ImportAsync(api, source, temp.File("out.json"), apiDiff: true);
        var imported = SpecJson.Parse(File.ReadAllText(result.WrittenTo!));
        TestContext.Out.WriteLine(report);

        Assert.Multiple(() =>
        {
            // The check-specs.sh / doc-coverage relevant facts, one by one (clear messages), then the whole document.
            Assert.That(JsonNode.DeepEquals(imported["info"]?["license"], current["info"]?["license"]), Is.True, "info.license");
            Assert.That(JsonNode.DeepEquals(imported["servers"], current["servers"]), Is.True, "servers");
            Assert.That(JsonNode.DeepEquals(imported["components"]?["parameters"], current["components"]?["parameters"]), Is.True, "components/parameters");
            Assert.That(SharedReferences(imported), Is.EqualTo(SharedReferences(current)), "$refs to shared parameters");
            Assert.That(Descriptions(imported), Is.EqualTo(Descriptions(current)), "descriptions of operations, parameters and bodies");
            Assert.That(HubShape.SchemaDescriptions(imported), Is.EqualTo(HubShape.SchemaDescriptions(current)), "schema descriptions");
            Assert.That(result.Changes.Where(c => c.Breaking), Is.Empty, report);
            Assert.That(report, Does.Contain("Carried from our spec"));
            Assert.That(result.ApiDiff, Is.Empty, "the generated public API (with the build's NSwag variables) must not move");
            if (current["servers"] is not null)
            {
                Assert.That(result.Carried.Count("servers (the document has none)"), Is.EqualTo(1));
            }

            var expected = HubShape.WithoutOperationEvidence(current);
            var actual = HubShape.WithoutOperationEvidence(imported);
            Assert.That(HubShape.Differences(expected, actual), Is.Empty, "the import differs from the spec");
            Assert.That(SpecJson.Serialize(actual), Is.EqualTo(SpecJson.Serialize(expected)));
        });
    }

    [TestCaseSource(nameof(Apis))]
    public async Task WhatTheHubSaysWins(string api)
    {
        using var temp = new TempFolder();
        var current = Repo.Spec(api);
        var hub = HubShape.Strip(current);
        hub["servers"] = new JsonArray(new JsonObject { ["url"] = "https://hub.example/own" });
        var operation = OperationIndex.Of(hub).Operations[0];
        operation.Node["description"] = "The Hub's own operation text.";
        var schemaName = (current["components"]?["schemas"] as JsonObject)?.FirstOrDefault(s => s.Value?["description"] is not null).Key;
        if (schemaName is not null)
        {
            ((JsonObject)hub["components"]!["schemas"]![schemaName]!)["description"] = "The Hub's own schema text.";
        }

        var source = temp.File("hub.json");
        File.WriteAllText(source, SpecJson.Serialize(hub));
        var (result, report) = await Intake.ImportAsync(api, source, temp.File("out.json"));
        var imported = SpecJson.Parse(File.ReadAllText(result.WrittenTo!));

        Assert.Multiple(() =>
        {
            Assert.That(imported["servers"]!.ToJsonString(), Is.EqualTo(hub["servers"]!.ToJsonString()), report);
            Assert.That(result.Carried.Count("servers (the document has none)"), Is.Zero);
            var importedOperation = OperationIndex.Of(imported).Operations.Single(o => o.Route == operation.Route);
            Assert.That(JsonEdit.AsString(importedOperation.Node["description"]), Is.EqualTo("The Hub's own operation text."));
            if (schemaName is not null)
            {
                Assert.That(JsonEdit.AsString(imported["components"]!["schemas"]![schemaName]!["description"]), Is.EqualTo("The Hub's own schema text."));
            }
        });
    }

    [Test]
    public async Task ASharedParameterIsCarriedOnlyOntoOperationsTheDocumentHas()
    {
        // The shared parameter referenced by the fewest operations, in a spec with operations that do not reference it.
        var candidates = Repo.Apis
            .Select(api => (Api: api, Spec: Repo.Spec(api)))
            .SelectMany(s => (s.Spec["components"]?["parameters"] as JsonObject ?? []).Select(p => (s.Api, s.Spec, Name: p.Key)))
            .Select(c => (c.Api, c.Spec, c.Name, Users: OperationIndex.Of(c.Spec).Operations.Where(o => References(o.Node, c.Name)).ToList()))
            .Where(c => c.Users.Count > 0 && c.Users.Count < OperationIndex.Of(c.Spec).Operations.Count)
            .OrderBy(c => c.Users.Count)
            .ToList();
        Assume.That(candidates, Is.Not.Empty, "no spec has a shared parameter that only some operations use");
        var (api, spec, name, users) = candidates[0];

        using var temp = new TempFolder();
        var hub = HubShape.Strip(spec);
        foreach (var user in users)
        {
            var item = (JsonObject)hub["paths"]![user.Path]!;
            item.Remove(user.Method.ToLowerInvariant());
        }

        var source = temp.File("hub.json");
        File.WriteAllText(source, SpecJson.Serialize(hub));
        var (result, report) = await Intake.ImportAsync(api, source, temp.File("out.json"));
        var imported = SpecJson.Parse(File.ReadAllText(result.WrittenTo!));

        Assert.Multiple(() =>
        {
            Assert.That(imported["components"]?["parameters"]?[name], Is.Null, $"{name}: nothing refers to it any more, it is not carried");
            Assert.That(OperationIndex.Of(imported).Operations.Where(o => References(o.Node, name)), Is.Empty);
            // Every other reference comes back, on the operations the document still has.
            var removedRoutes = users.Select(u => u.Route + " ").ToList();
            var others = SharedReferences(spec).Where(r => !removedRoutes.Any(route => r.StartsWith(route, StringComparison.Ordinal))).ToList();
            Assert.That(others.Where(r => r.EndsWith(ParameterRefPrefix + name, StringComparison.Ordinal)), Is.Empty);
            Assert.That(SharedReferences(imported), Is.EqualTo(others), report);
        });
    }

    private static bool References(JsonObject operation, string name) =>
        (operation["parameters"] as JsonArray)?.Any(p => JsonEdit.IsString(p?["$ref"], ParameterRefPrefix + name)) == true;

    // "GET /jobs 2 #/components/parameters/OrganizationId" per reference: the route, the index and the target.
    private static List<string> SharedReferences(JsonObject spec) =>
        OperationIndex.Of(spec).Operations
            .SelectMany(o => ((o.Node["parameters"] as JsonArray)?.OfType<JsonObject>() ?? []).Select((p, i) => (o, i, Ref: JsonEdit.AsString(p["$ref"]))))
            .Where(x => x.Ref?.StartsWith(ParameterRefPrefix, StringComparison.Ordinal) == true)
            .Select(x => $"{x.o.Route} {x.i} {x.Ref}")
            .ToList();

    // Every operation's summary and description, every inline parameter's and request body's description, in order.
    private static List<string> Descriptions(JsonObject spec) =>
        OperationIndex.Of(spec).Operations.SelectMany(o => new[]
            {
                $"{o.Route} summary {JsonEdit.AsString(o.Node["summary"])}",
                $"{o.Route} description {JsonEdit.AsString(o.Node["description"])}",
                $"{o.Route} body {JsonEdit.AsString(o.Node["requestBody"]?["description"])}",
            }.Concat(((o.Node["parameters"] as JsonArray)?.OfType<JsonObject>() ?? []).Select(p => $"{o.Route} {JsonEdit.AsString(p["name"])} {JsonEdit.AsString(p["description"])}")))
            .ToList();
}
