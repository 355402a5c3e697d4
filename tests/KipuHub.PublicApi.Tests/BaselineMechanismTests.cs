using KipuHub.PublicApi.Tests.Support;

namespace KipuHub.PublicApi.Tests;

/// <summary>The comparison itself: a changed, missing or CI-updated baseline must fail, with a diff that says what changed.</summary>
public class BaselineMechanismTests
{
    private const string Baseline = """
        namespace Sample
        {
            public class Widget
            {
                public Widget() { }
                public string Name { get; set; }
                public int Size { get; set; }
            }
        }

        """;

    private static readonly Func<string, string?> NoEnvironment = _ => null;

    private string _folder = "";

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "kipuhub-publicapi-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private string Write(string text)
    {
        var path = Path.Combine(_folder, "Sample.txt");
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public void The_diff_reports_a_removed_and_an_added_line_where_they_are()
    {
        var current = Baseline.Replace("        public int Size { get; set; }\n", "        public long Length { get; set; }\n");

        var diff = LineDiff.Compute(Baseline, current);

        Assert.That(diff.Where(l => l.Kind == '-').Select(l => (l.Text, l.OldLine)), Is.EqualTo(new[] { ("        public int Size { get; set; }", 7) }));
        Assert.That(diff.Where(l => l.Kind == '+').Select(l => (l.Text, l.NewLine)), Is.EqualTo(new[] { ("        public long Length { get; set; }", 7) }));
        var text = LineDiff.Format(diff);
        Assert.That(text, Does.Contain("-        public int Size { get; set; }\n+        public long Length { get; set; }\n"));
        Assert.That(text, Does.Contain("         public string Name { get; set; }"), "context line before the change");
        Assert.That(text, Does.StartWith("@@ baseline line 5, current line 5 @@"));
    }

    [Test]
    public void The_diff_of_equal_texts_is_empty_and_line_endings_do_not_count()
    {
        var diff = LineDiff.Compute(Baseline, Baseline.Replace("\n", "\r\n"));

        Assert.That(diff.All(l => l.Kind == ' '), Is.True);
        Assert.That(LineDiff.Format(diff), Is.Empty);
    }

    [Test]
    public void The_diff_shows_at_most_forty_changed_lines_and_counts_the_rest()
    {
        var old = string.Join("\n", Enumerable.Range(0, 100).Select(i => "line " + i)) + "\n";
        var current = string.Join("\n", Enumerable.Range(0, 100).Select(i => "LINE " + i)) + "\n";

        var text = LineDiff.Format(LineDiff.Compute(old, current));

        Assert.That(text.Split('\n').Count(l => l.StartsWith('+') || l.StartsWith('-')), Is.EqualTo(40));
        Assert.That(text, Does.Contain("... and 160 more changed line(s)"));
    }

    [Test]
    public void A_matching_baseline_passes_whatever_its_line_endings()
    {
        var path = Write(Baseline.Replace("\n", "\r\n"));

        var result = ApiBaseline.Check("Sample", Baseline, path, NoEnvironment);

        Assert.That(result.Outcome, Is.EqualTo(ApiBaseline.Outcome.Match));
    }

    [Test]
    public void A_changed_public_member_fails_with_the_assembly_a_diff_and_the_update_command()
    {
        var path = Write(Baseline);
        var current = Baseline.Replace("public string Name", "public string DisplayName");

        var result = ApiBaseline.Check("Sample", current, path, NoEnvironment);

        Assert.That(result.Outcome, Is.EqualTo(ApiBaseline.Outcome.Mismatch));
        Assert.That(result.Passed, Is.False);
        Assert.That(result.Message, Does.Contain("The public API of Sample differs"));
        Assert.That(result.Message, Does.Contain("-        public string Name { get; set; }"));
        Assert.That(result.Message, Does.Contain("+        public string DisplayName { get; set; }"));
        Assert.That(result.Message, Does.Contain("build/update-public-api.sh"));
        Assert.That(File.ReadAllText(path), Is.EqualTo(Baseline), "a failing comparison leaves the baseline alone");
    }

    [Test]
    public void A_missing_baseline_fails_and_is_not_created()
    {
        var path = Path.Combine(_folder, "Missing.txt");

        var result = ApiBaseline.Check("Missing", Baseline, path, NoEnvironment);

        Assert.That(result.Outcome, Is.EqualTo(ApiBaseline.Outcome.Missing));
        Assert.That(result.Message, Does.Contain("build/update-public-api.sh"));
        Assert.That(File.Exists(path), Is.False);
    }

    [Test]
    public void Update_mode_rewrites_a_changed_or_missing_baseline_with_lf_line_endings()
    {
        var changed = Write(Baseline);
        var missing = Path.Combine(_folder, "Missing.txt");
        var current = Baseline.Replace("public int Size", "public long Size").Replace("\n", "\r\n");
        Func<string, string?> update = name => name == ApiBaseline.UpdateVariable ? "1" : null;

        Assert.That(ApiBaseline.Check("Sample", current, changed, update).Outcome, Is.EqualTo(ApiBaseline.Outcome.Updated));
        Assert.That(ApiBaseline.Check("Missing", current, missing, update).Outcome, Is.EqualTo(ApiBaseline.Outcome.Updated));

        var expected = Baseline.Replace("public int Size", "public long Size");
        Assert.That(File.ReadAllText(changed), Is.EqualTo(expected));
        Assert.That(File.ReadAllText(missing), Is.EqualTo(expected));
    }

    [TestCase("true")]
    [TestCase("1")]
    public void Update_mode_is_refused_on_ci_and_the_baseline_is_left_alone(string ci)
    {
        var path = Write(Baseline);
        Func<string, string?> updateOnCi = name => name switch
        {
            ApiBaseline.UpdateVariable => "1",
            "CI" => ci,
            _ => null,
        };

        var result = ApiBaseline.Check("Sample", Baseline.Replace("Widget", "Gadget"), path, updateOnCi);

        Assert.That(result.Outcome, Is.EqualTo(ApiBaseline.Outcome.UpdateRefusedOnCi));
        Assert.That(result.Passed, Is.False);
        Assert.That(File.ReadAllText(path), Is.EqualTo(Baseline));
    }

    [Test]
    public void Declared_types_are_counted_for_every_kind_of_type_and_members_are_not()
    {
        const string api = """
            namespace N
            {
                public class A { public string Class { get; set; } }
                public abstract class B<T, U> : A { }
                public sealed class C { }
                public static class D { }
                public interface IE { }
                public struct F { }
                public readonly struct G : System.IEquatable<N.G> { }
                public enum H { X = 0 }
                public delegate System.Threading.Tasks.Task<int> I(int a, string b);
                public class J : System.IEquatable<N.J> { }
                public sealed record K(int Value) { }
                public readonly record struct L(int Value) { }
            }
            """;

        var types = PublicApiText.DeclaredTypes(api);

        Assert.That(types, Is.EqualTo(new[] { "N.A", "N.B<T, U>", "N.C", "N.D", "N.IE", "N.F", "N.G", "N.H", "N.I", "N.J", "N.K", "N.L" }));
    }

    [Test]
    public void The_repository_root_is_found_from_the_test_output_folder()
    {
        var root = ApiBaseline.FindRepositoryRoot(TestContext.CurrentContext.TestDirectory);

        Assert.That(File.Exists(Path.Combine(root, "KipuHub.Generated.sln")), Is.True);
        Assert.That(Directory.Exists(ApiBaseline.Folder(root)), Is.True);
    }
}
