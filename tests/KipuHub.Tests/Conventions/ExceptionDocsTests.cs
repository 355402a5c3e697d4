using System.Xml.Linq;

namespace KipuHub.Tests.Conventions;

/// <summary>
/// Facade tooltips name the exceptions a call really throws (issue 13 #5): read from the XML documentation files the
/// packages ship, as IntelliSense reads them.
/// </summary>
[TestFixture]
public class ExceptionDocsTests
{
    [Test]
    public void NoFacadeDoc_SaysAFacadeCallThrowsTheGeneratedApiException()
    {
        var members = Members("KipuHub.xml");

        var offenders = members
            .Where(m => m.Exceptions.Any(cref => cref.StartsWith("T:KipuHub.Generated.", StringComparison.Ordinal) && cref.EndsWith("ApiException", StringComparison.Ordinal)))
            .Select(m => m.Name)
            .ToList();

        Assert.That(members, Is.Not.Empty);
        Assert.That(offenders, Is.Empty);
    }

    [TestCase("T:KipuHub.IHubQuantumClient")]
    [TestCase("T:KipuHub.IHubPlatformClient")]
    [TestCase("T:KipuHub.IHubServiceClient")]
    [TestCase("T:KipuHub.Sessions.HubSession")]
    [TestCase("T:KipuHub.DataPoolFileTransfer")]
    public void EveryAsyncCallOfTheFacade_NamesTheExceptionsItThrows(string type)
    {
        var prefix = "M:" + type[2..] + ".";
        var calls = Members("KipuHub.xml").Where(m => m.Name.StartsWith(prefix, StringComparison.Ordinal) && m.Name.Contains("Async", StringComparison.Ordinal) && !m.Name.Contains("DisposeAsync", StringComparison.Ordinal)).ToList();

        Assert.That(calls, Is.Not.Empty);
        foreach (var call in calls)
        {
            Assert.That(call.Exceptions, Does.Contain("T:System.OperationCanceledException"), call.Name);
            if (!call.Name.Contains(".SubmitJobsAsync(", StringComparison.Ordinal))
            {
                // A batch reports each failure in its JobSubmission instead of throwing it.
                Assert.That(call.Exceptions, Does.Contain("T:KipuHub.HubApiException").And.Contain("T:KipuHub.HubTransportException"), call.Name);
            }
        }
    }

    [TestCase("KipuHub.Generated.Quantum.xml")]
    [TestCase("KipuHub.Generated.Platform.xml")]
    [TestCase("KipuHub.Generated.Service.xml")]
    public void GeneratedInterfaces_TheFacadesNamespaces_NameTheFacadesExceptionsFirst(string file)
    {
        var operations = Members(file).Where(m => m.Name.StartsWith("M:KipuHub.Generated.", StringComparison.Ordinal) && m.Name.Contains(".I", StringComparison.Ordinal) && m.Name.Contains("Async(", StringComparison.Ordinal)).ToList();

        Assert.That(operations, Is.Not.Empty);
        foreach (var operation in operations.Where(o => IsInterface(o.Name)))
        {
            Assert.That(operation.Exceptions.FirstOrDefault(), Is.EqualTo("T:KipuHub.HubApiException"), operation.Name);
            Assert.That(operation.Exceptions, Does.Contain("T:KipuHub.HubTimeoutException").And.Contain("T:KipuHub.HubTransportException"), operation.Name);
        }
    }

    // "M:KipuHub.Generated.Quantum.IJobsClient.GetJobAsync(...)": the type segment starts with I and an upper-case letter.
    private static bool IsInterface(string member)
    {
        var type = member.Split('(')[0].Split('.')[^2];
        return type.Length > 1 && type[0] == 'I' && char.IsUpper(type[1]);
    }

    private static List<(string Name, List<string> Exceptions)> Members(string file)
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, file);
        return XDocument.Load(path).Descendants("member")
            .Select(m => ((string)m.Attribute("name")!, m.Elements("exception").Select(e => (string)e.Attribute("cref")!).ToList()))
            .ToList();
    }
}
