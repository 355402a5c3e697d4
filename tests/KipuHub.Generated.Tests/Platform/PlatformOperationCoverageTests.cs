using System.Reflection;
using KipuHub.Generated.Platform;

namespace KipuHub.Generated.Tests.Platform;

/// <summary>Keeps "one test per generated operation" true as the spec grows: a new operation without a test fails here.</summary>
[TestFixture]
public class PlatformOperationCoverageTests
{
    [Test]
    public void Every_generated_Platform_operation_has_a_request_response_test_named_after_it()
    {
        var operations = typeof(IDataPoolsClient).Assembly.GetTypes()
            .Where(t => t.IsInterface && t.Namespace == typeof(IDataPoolsClient).Namespace && t.Name.EndsWith("Client", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods().Select(m => (Client: t.Name[1..], Operation: m.Name[..^"Async".Length])))
            .ToList();
        var tests = typeof(PlatformTestBase).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(PlatformTestBase)))
            .SelectMany(t => t.GetMethods().Where(m => m.GetCustomAttribute<TestAttribute>() != null).Select(m => (Fixture: t.Name, Test: m.Name)))
            .ToList();

        var untested = operations
            .Where(o => !tests.Any(t => t.Fixture == o.Client + "Tests" && t.Test.StartsWith(o.Operation + "_", StringComparison.Ordinal)))
            .Select(o => o.Client + "." + o.Operation)
            .ToList();

        Assert.That(operations, Has.Count.GreaterThan(100));
        Assert.That(operations.Select(o => o.Client).Distinct().Count(), Is.EqualTo(22));
        Assert.That(untested, Is.Empty);
    }
}
