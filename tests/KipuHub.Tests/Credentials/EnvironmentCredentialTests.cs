using KipuHub.Credentials;
using KipuHub.Tests.Support;

namespace KipuHub.Tests.Credentials;

[TestFixture]
public class EnvironmentCredentialTests
{
    [Test]
    public void VariableNames_AreInTheDocumentedOrder() =>
        Assert.That(EnvironmentCredential.VariableNames, Is.EqualTo(new[]
        {
            "KQH_SERVICE_EXECUTION_TOKEN", "KQH_PERSONAL_ACCESS_TOKEN", "PLANQK_SERVICE_EXECUTION_TOKEN",
            "SERVICE_EXECUTION_TOKEN", "PLANQK_PERSONAL_ACCESS_TOKEN",
        }));

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public async Task GetTokenAsync_FirstSetVariableWins(int winner)
    {
        var names = EnvironmentCredential.VariableNames;
        var variables = names.Skip(winner).ToDictionary(n => n, n => "token-from-" + n);
        var credential = new EnvironmentCredential(FakeEnvironment.Create("/home/u", variables));

        Assert.That(await credential.GetTokenAsync(), Is.EqualTo("token-from-" + names[winner]));
    }

    [Test]
    public async Task GetTokenAsync_BlankVariableCountsAsUnset()
    {
        var credential = new EnvironmentCredential(FakeEnvironment.Create("/home/u", new Dictionary<string, string>
        {
            ["KQH_SERVICE_EXECUTION_TOKEN"] = "   ",
            ["KQH_PERSONAL_ACCESS_TOKEN"] = " pat \n",
        }));

        Assert.That(await credential.GetTokenAsync(), Is.EqualTo("pat"));
    }

    [Test]
    public void GetTokenAsync_NothingSet_ListsEveryVariableTried()
    {
        var credential = new EnvironmentCredential(FakeEnvironment.Create("/home/u"));

        var ex = Assert.ThrowsAsync<CredentialUnavailableException>(async () => await credential.GetTokenAsync());

        Assert.That(ex!.AttemptedSources, Has.Count.EqualTo(5));
        foreach (var name in EnvironmentCredential.VariableNames)
        {
            Assert.That(ex.Message, Does.Contain($"environment variable {name}: not set"));
        }

        Assert.That(ex.Message, Does.Contain("Set KQH_PERSONAL_ACCESS_TOKEN"));
    }
}
