using System.Text.RegularExpressions;
using KipuHub.SpecIntake;
using KipuHub.SpecIntake.Tests.Support;

namespace KipuHub.SpecIntake.Tests;

/// <summary>The intake's NSwag runs pass the very variables the build passes (build/KipuHub.NSwag.targets), and every
/// variable nswag.json uses: otherwise its public API diff compares code the build never generates.</summary>
[TestFixture]
public sealed class GeneratorVariablesTests
{
    [Test]
    public void TheIntakePassesTheBuildsVariablesAndEveryOneNSwagJsonUses()
    {
        var targets = File.ReadAllText(Path.Combine(Repo.Root, "build", "KipuHub.NSwag.targets"));
        // The Exec's Command attribute quotes with &quot;, so its first literal quote ends the /variables list.
        var list = Regex.Match(targets, @"Command=""[^""]*?/variables:(?<list>[^""]*)""").Groups["list"].Value;
        var buildNames = Regex.Matches(list, @"(?:^|,)(\w+)=").Select(m => m.Groups[1].Value).ToList();
        var job = new GenerationJob("spec.json", "KipuHub.Generated.Quantum", "templates", "out.cs");
        var intakeNames = CodeGenerator.Variables(job).Select(v => v.Key).ToList();
        var used = Regex.Matches(File.ReadAllText(Path.Combine(Repo.Root, "nswag.json")), @"\$\((\w+)\)").Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(buildNames, Is.Not.Empty, "the /variables list of build/KipuHub.NSwag.targets was not found");
            Assert.That(intakeNames, Is.EquivalentTo(buildNames));
            Assert.That(used, Is.SubsetOf(intakeNames));
            Assert.That(CodeGenerator.Variables(job).Single(v => v.Key == "Api").Value, Is.EqualTo("Quantum"));
        });
    }
}
