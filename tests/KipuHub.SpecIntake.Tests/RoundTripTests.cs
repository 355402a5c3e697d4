using System.Diagnostics;
using System.Text.Json.Nodes;
using KipuHub.SpecIntake;
using KipuHub.SpecIntake.Tests.Support;

namespace KipuHub.SpecIntake.Tests;

/// <summary>
/// The day the Hub's 3.1 documents arrive: each of our specs, rendered the way a 3.1 publisher writes the same API
/// (version 3.1.0, nullable as type arrays, optional objects as anyOf with null, example as examples), put through the
/// intake step, must generate byte-identical C# (raw clients and the facade's decorators, with the build's own NSwag
/// and nswag.json). Byte-identical generated code is what makes "the whole solution builds and passes with the
/// re-imported specs" true without building it again: every project compiles the very same generated files.
/// </summary>
[TestFixture]
public sealed class RoundTripTests
{
    [Test]
    public async Task A31RenderingOfEverySpecImportsToByteIdenticalGeneratedCode()
    {
        var clock = Stopwatch.StartNew();
        using var temp = new TempFolder();
        var generator = new CodeGenerator(Repo.Root);
        var jobs = new List<GenerationJob>();
        var apis = Repo.Apis.ToList();
        Assert.That(apis, Is.Not.Empty);
        foreach (var api in apis)
        {
            // One snapshot of the spec: the comparison uses exactly the text that was rendered.
            var original = temp.File($"{api}.json");
            File.WriteAllText(original, Repo.SpecText(api));
            var current = SpecJson.Parse(File.ReadAllText(original));
            var rendered = Repo.Render31(current);
            AssertIs31Rendering(current, rendered);
            var rendering = temp.File($"{api}.31.json");
            File.WriteAllText(rendering, SpecJson.Serialize(rendered));

            var imported = temp.File($"{api}.imported.json");
            var (result, report) = await Intake.ImportAsync(api, rendering, imported, repoRoot: Repo.Root);
            Assert.That(result.WrittenTo, Is.EqualTo(imported));
            Assert.That(result.Changes.Where(c => c.Breaking), Is.Empty, report);
            AssertAnnotationsCarried(current, SpecJson.Parse(File.ReadAllText(imported)));

            foreach (var (name, spec) in new[] { ("old", original), ("new", imported) })
            {
                jobs.Add(generator.RawClient(api, spec, temp.File($"{api}.{name}.raw.cs")));
                jobs.Add(generator.Facade(api, spec, temp.File($"{api}.{name}.facade.cs")));
            }
        }

        var imports = clock.Elapsed;
        await generator.GenerateAsync(jobs);
        TestContext.Out.WriteLine($"{apis.Count} specs: render + import {imports.TotalSeconds:F1} s, NSwag ({jobs.Count} files, one process) {(clock.Elapsed - imports).TotalSeconds:F1} s");

        Assert.Multiple(() =>
        {
            foreach (var api in apis)
            {
                foreach (var kind in new[] { "raw", "facade" })
                {
                    var old = File.ReadAllBytes(temp.File($"{api}.old.{kind}.cs"));
                    var @new = File.ReadAllBytes(temp.File($"{api}.new.{kind}.cs"));
                    Assert.That(old, Is.Not.Empty, $"{api} {kind}");
                    Assert.That(@new, Is.EqualTo(old), $"{api} {kind}: the generated code of the re-imported 3.1 rendering differs");
                    // The build's variables reached NSwag (nswag.json's $(Api) names the per-API exception type).
                    var text = System.Text.Encoding.UTF8.GetString(old);
                    Assert.That(text.Contains("$(", StringComparison.Ordinal), Is.False, $"{api} {kind}: an nswag.json variable was not passed");
                    if (kind == "raw")
                    {
                        Assert.That(text, Does.Contain($"class {CodeGenerator.ApiOf(CodeGenerator.NamespaceOf(api))}ApiException"), $"{api} {kind}");
                    }
                }
            }
        });
    }

    // The rendering really is 3.1-shaped where the spec has something to render; otherwise the test proves nothing.
    private static void AssertIs31Rendering(JsonObject current, JsonObject rendered)
    {
        var text = rendered.ToJsonString();
        Assert.That(JsonEdit.AsString(rendered["openapi"]), Is.EqualTo("3.1.0"));
        Assert.That(text, Does.Not.Contain("\"nullable\""));
        var nullableTyped = Count(current.ToJsonString(), "\"nullable\":true");
        if (nullableTyped > 0)
        {
            Assert.That(Count(text, "\"null\""), Is.GreaterThan(0), "nullable schemas should be rendered with null");
        }
    }

    private static void AssertAnnotationsCarried(JsonObject current, JsonObject imported)
    {
        Assert.That(JsonEdit.AsString(imported["openapi"]), Is.EqualTo(OpenApi31Downgrader.TargetVersion));
        foreach (var (key, value) in current.Where(m => m.Key.StartsWith(AnnotationCarrier.Prefix, StringComparison.Ordinal)))
        {
            Assert.That(JsonNode.DeepEquals(imported[key], value), Is.True, key);
        }

        var importedOperations = OperationIndex.Of(imported).Operations.ToDictionary(o => o.Route);
        foreach (var operation in OperationIndex.Of(current).Operations)
        {
            var counterpart = importedOperations[operation.Route];
            Assert.That(JsonEdit.AsString(counterpart.Node["x-kipuhub-evidence"]), Is.EqualTo(AnnotationCarrier.Observed), operation.Display);
            if (JsonEdit.AsString(operation.Node["x-kipuhub-source"]) is { } source)
            {
                Assert.That(JsonEdit.AsString(counterpart.Node["x-kipuhub-source"]), Does.StartWith(source), operation.Display);
            }
        }
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
