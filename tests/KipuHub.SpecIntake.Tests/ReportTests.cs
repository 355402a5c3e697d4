using KipuHub.SpecIntake;
using KipuHub.SpecIntake.Tests.Support;

namespace KipuHub.SpecIntake.Tests;

/// <summary>The review report on a changed document names each change, marks it BREAKING or not, and shows what the
/// change does to the generated public API.</summary>
[TestFixture]
public sealed class ReportTests
{
    [Test]
    public async Task TheReportNamesEveryChangeAndWhetherItBreaks()
    {
        var changed = ChangedDocument.FromFirstSuitableSpec();
        Assert.That(changed, Is.Not.Null, "no spec in specs/ offers every change this test makes");
        using var temp = new TempFolder();
        var hubDocument = temp.File("hub.json");
        var rendered = Repo.Render31(changed!.Document);
        File.WriteAllText(hubDocument, SpecJson.Serialize(rendered));

        var (result, report) = await Intake.ImportAsync(changed.Api, hubDocument, temp.File("out.json"), apiDiff: true);

        TestContext.Out.WriteLine(report);
        Assert.Multiple(() =>
        {
            foreach (var expected in changed.Expected)
            {
                Assert.That(result.Changes, Does.Contain(expected), $"missing: {expected}");
                Assert.That(report, Does.Contain(expected.ToString()), $"not printed: {expected}");
            }

            // Everything else in the document is the same API: nothing else may be reported as breaking.
            Assert.That(result.Changes.Where(c => c.Breaking).Except(changed.Expected), Is.Empty);
        });

        // The generated API diff: the removed operation's method is gone (NSwag names it {OperationId}Async) and the
        // added one appears.
        var removedMethod = char.ToUpperInvariant(changed.RemovedOperationId[0]) + changed.RemovedOperationId[1..] + "Async(";
        Assert.That(result.ApiDiff, Is.Not.Null);
        Assert.That(result.ApiDiff!.Where(l => l.StartsWith("- ", StringComparison.Ordinal) && l.Contains(removedMethod, StringComparison.Ordinal)), Is.Not.Empty, report);
        Assert.That(result.ApiDiff!.Where(l => l.StartsWith("+ ", StringComparison.Ordinal) && l.Contains("IntakeTestAddedOperationAsync(", StringComparison.Ordinal)), Is.Not.Empty, report);
        Assert.That(report, Does.Contain("  " + result.ApiDiff![0]), "the diff is printed");
    }

    [Test]
    public async Task TheCurrentSpecReImportedReportsNoChangeAndAnIdenticalApi()
    {
        var api = Repo.Apis.OrderBy(a => new FileInfo(Repo.SpecPath(a)).Length).First();
        using var temp = new TempFolder();
        var source = temp.File($"{api}.json");
        File.WriteAllText(source, Repo.SpecText(api));

        var (result, report) = await Intake.ImportAsync(api, source, output: null, apiDiff: true);

        Assert.That(result.Changes, Is.Empty, report);
        Assert.That(result.ApiDiff, Is.Empty, report);
        Assert.That(result.WrittenTo, Is.Null, "a dry run writes nothing");
        Assert.That(report, Does.Contain("identical").And.Contain("Dry run: nothing written."));
    }

    [Test]
    public async Task ExtensionsThatAreNotOursAreListedWhenTheDocumentLacksThem()
    {
        var api = Repo.Apis.OrderBy(a => new FileInfo(Repo.SpecPath(a)).Length).First();
        using var temp = new TempFolder();
        var current = Repo.Spec(api);
        current["info"]!["x-intake-test"] = "kept by hand";
        var currentFile = temp.File("current.json");
        var repo = System.IO.Directory.CreateDirectory(temp.File("repo")).FullName;
        System.IO.Directory.CreateDirectory(Path.Combine(repo, "specs"));
        File.WriteAllText(Path.Combine(repo, "specs", api + ".json"), SpecJson.Serialize(current));
        File.WriteAllText(currentFile, Repo.SpecText(api));

        var (result, report) = await Intake.ImportAsync(api, currentFile, temp.File("out.json"), repoRoot: repo);

        Assert.That(result.NotCarried, Does.Contain("/info/x-intake-test"));
        Assert.That(report, Does.Contain("Not carried: ").And.Contain("  /info/x-intake-test"));
    }
}
