using KipuHub.Http.Internal;

namespace KipuHub.Tests.Http;

/// <summary>
/// The fast textual check (a URI that begins with the base URL's <c>scheme://authority/</c>) must agree with the
/// component comparison on every URI, including those written to look alike.
/// </summary>
[TestFixture]
public class TrustedAuthorityTests
{
    [TestCase("https://hub.test/quantum/", "https://hub.test/quantum/jobs/j1", true)]
    [TestCase("https://hub.test/quantum/", "HTTPS://HUB.TEST/quantum/jobs", true)]
    [TestCase("https://hub.test/quantum/", "https://hub.test:443/quantum/jobs", true)]
    [TestCase("https://hub.test/quantum/", "https://hub.test", true)]
    [TestCase("https://hub.test/quantum/", "https://hub.test:8443/quantum/jobs", false)]
    [TestCase("https://hub.test/quantum/", "http://hub.test/quantum/jobs", false)]
    [TestCase("https://hub.test/quantum/", "https://hub.test.evil/quantum/jobs", false)]
    [TestCase("https://hub.test/quantum/", "https://hub.test@evil.test/quantum/jobs", false)]
    [TestCase("https://hub.test/quantum/", "https://evil.test/https://hub.test/", false)]
    [TestCase("http://127.0.0.1:5123/", "http://127.0.0.1:5123/jobs", true)]
    [TestCase("http://127.0.0.1:5123/", "http://127.0.0.1:5124/jobs", false)]
    [TestCase("https://bücher.test/", "https://xn--bcher-kva.test/x", true)]
    [TestCase("https://bücher.test/", "https://bucher.test/x", false)]
    public void Matches_AgreesWithTheComponentComparison(string baseUrl, string target, bool expected)
    {
        var authority = new TrustedAuthority(new Uri(baseUrl));
        var uri = new Uri(target);

        Assert.That(authority.Matches(uri), Is.EqualTo(expected));
        Assert.That(TrustedAuthority.Matches(new Uri(baseUrl), uri), Is.EqualTo(expected));
    }

    [Test]
    public void Matches_RelativeOrNull_IsFalse()
    {
        var authority = new TrustedAuthority(new Uri("https://hub.test/"));

        Assert.That(authority.Matches(new Uri("jobs/j1", UriKind.Relative)), Is.False);
        Assert.That(authority.Matches(null), Is.False);
    }
}
