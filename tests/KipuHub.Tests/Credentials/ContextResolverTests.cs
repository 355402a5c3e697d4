using KipuHub.Credentials;
using KipuHub.Tests.Support;

namespace KipuHub.Tests.Credentials;

[TestFixture]
public class ContextResolverTests
{
    private TempDirectory _home = null!;

    [SetUp]
    public void SetUp() => _home = new TempDirectory();

    [TearDown]
    public void TearDown() => _home.Dispose();

    [Test]
    public async Task OrganizationContext_GivesItsIdAsOrganization()
    {
        var path = _home.Write(".config/qhubctl/config.json", FakeEnvironment.ConfigJson(contextId: "org-1", isOrganization: true, displayName: "Acme"));

        var context = await Resolver().ResolveAsync();

        Assert.That(context!.Id, Is.EqualTo("org-1"));
        Assert.That(context.DisplayName, Is.EqualTo("Acme"));
        Assert.That(context.IsOrganization, Is.True);
        Assert.That(context.OrganizationId, Is.EqualTo("org-1"));
        Assert.That(context.ConfigFilePath, Is.EqualTo(path));
    }

    [Test]
    public async Task PersonalContext_HasNoOrganization()
    {
        _home.Write(".config/qhubctl/config.json", FakeEnvironment.ConfigJson(contextId: "user-1", isOrganization: false));

        var context = await Resolver().ResolveAsync();

        Assert.That(context!.Id, Is.EqualTo("user-1"));
        Assert.That(context.OrganizationId, Is.Null);
    }

    [Test]
    public async Task KqhOrganizationVariable_WinsEvenOverAPersonalContext()
    {
        _home.Write(".config/qhubctl/config.json", FakeEnvironment.ConfigJson(contextId: "user-1", isOrganization: false));

        var context = await Resolver(new() { ["KQH_ORGANIZATION_ID"] = "org-env" }).ResolveAsync();

        Assert.That(context!.OrganizationId, Is.EqualTo("org-env"));
        Assert.That(context.Id, Is.EqualTo("user-1"));
    }

    [Test]
    public async Task KqhOrganizationVariable_WinsOverOrganizationContextAndLegacyVariable()
    {
        _home.Write(".config/qhubctl/config.json", FakeEnvironment.ConfigJson(contextId: "org-file", isOrganization: true));

        var organizationId = await Resolver(new() { ["KQH_ORGANIZATION_ID"] = "org-kqh", ["PLANQK_ORGANIZATION_ID"] = "org-planqk" }).GetOrganizationIdAsync();

        Assert.That(organizationId, Is.EqualTo("org-kqh"));
    }

    [Test]
    public async Task LegacyOrganizationVariable_IsHonoured()
    {
        _home.Write(".config/qhubctl/config.json", FakeEnvironment.ConfigJson(contextId: "org-file", isOrganization: true));

        Assert.That(await Resolver(new() { ["PLANQK_ORGANIZATION_ID"] = "org-planqk" }).GetOrganizationIdAsync(), Is.EqualTo("org-planqk"));
    }

    [Test]
    public async Task NoFile_NoVariable_IsNull() =>
        Assert.That(await Resolver().ResolveAsync(), Is.Null);

    [Test]
    public async Task NoFile_WithVariable_GivesTheOrganizationOnly()
    {
        var context = await Resolver(new() { ["KQH_ORGANIZATION_ID"] = "org-env" }).ResolveAsync();

        Assert.That(context!.OrganizationId, Is.EqualTo("org-env"));
        Assert.That(context.Id, Is.Null);
        Assert.That(context.ConfigFilePath, Is.Null);
    }

    [Test]
    public async Task FileWithoutContext_IsNull()
    {
        _home.Write(".config/qhubctl/config.json", FakeEnvironment.ConfigJson("t"));

        Assert.That(await Resolver().ResolveAsync(), Is.Null);
    }

    [Test]
    public void MalformedFile_ThrowsConfigFileException()
    {
        _home.Write(".config/qhubctl/config.json", """{"context": {"id": 5}}""");

        var ex = Assert.ThrowsAsync<ConfigFileException>(() => Resolver().ResolveAsync());
        Assert.That(ex!.Message, Does.Contain("'context.id' must be a string"));
    }

    [Test]
    public async Task ExplicitPath_IsUsed()
    {
        var path = _home.Write("c.json", FakeEnvironment.ConfigJson(contextId: "org-x", isOrganization: true));

        Assert.That(await new ContextResolver(FakeEnvironment.Create(_home.Path), path).GetOrganizationIdAsync(), Is.EqualTo("org-x"));
    }

    private ContextResolver Resolver(Dictionary<string, string>? variables = null) => new(FakeEnvironment.Create(_home.Path, variables));
}
