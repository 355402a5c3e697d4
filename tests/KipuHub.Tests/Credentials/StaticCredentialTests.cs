using KipuHub.Credentials;
using KipuHub.Tests.Support;

namespace KipuHub.Tests.Credentials;

[TestFixture]
public class StaticCredentialTests
{
    [Test]
    public async Task GetTokenAsync_ReturnsTheTokenTrimmed() =>
        Assert.That(await new StaticCredential(" tok \n").GetTokenAsync(), Is.EqualTo("tok"));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public void Ctor_BlankToken_Throws(string? token) =>
        Assert.That(() => new StaticCredential(token!), Throws.InstanceOf<ArgumentException>());

    [Test]
    public async Task FromToken_And_FromProvider_Work()
    {
        Assert.That(await HubCredential.FromToken("a").GetTokenAsync(), Is.EqualTo("a"));
        Assert.That(await HubCredential.FromProvider(_ => ValueTask.FromResult("b")).GetTokenAsync(), Is.EqualTo("b"));
    }
}
