using System.Text.Json.Nodes;
using KipuHub.SpecIntake;

namespace KipuHub.SpecIntake.Tests.Support;

/// <summary>The repository under test and its specs, read fresh from specs/ (other work edits them: nothing about
/// their content is assumed).</summary>
internal static class Repo
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "KipuHub.Generated.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("KipuHub.Generated.sln not found above the test folder.");
    });

    /// <summary>The repository root.</summary>
    internal static string Root => LazyRoot.Value;

    /// <summary>The APIs that have a spec in specs/.</summary>
    internal static IEnumerable<string> Apis => IntakeOptions.Apis.Where(api => File.Exists(SpecPath(api)));

    /// <summary>specs/&lt;api&gt;.json.</summary>
    internal static string SpecPath(string api) => Path.Combine(Root, "specs", api + ".json");

    /// <summary>The current spec's text.</summary>
    internal static string SpecText(string api) => File.ReadAllText(SpecPath(api));

    /// <summary>The current spec, parsed.</summary>
    internal static JsonObject Spec(string api) => SpecJson.Parse(SpecText(api));

    /// <summary>The spec rendered as 3.1 (the tool's --render-31).</summary>
    internal static JsonObject Render31(JsonObject spec)
    {
        var copy = (JsonObject)spec.DeepClone();
        OpenApi31Renderer.Render(copy);
        return copy;
    }
}
