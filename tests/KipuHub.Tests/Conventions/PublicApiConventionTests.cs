using System.Reflection;
using KipuHub.Credentials;

namespace KipuHub.Tests.Conventions;

/// <summary>House rules checked by reflection over the public surface of src/KipuHub.</summary>
[TestFixture]
public class PublicApiConventionTests
{
    private static readonly Type[] PublicTypes = typeof(HubQuantumClient).Assembly.GetExportedTypes();

    private static IEnumerable<MethodInfo> PublicAsyncMethods() => PublicTypes
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
        .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType) || m.ReturnType.Name.StartsWith("ValueTask", StringComparison.Ordinal));

    [Test]
    public void AsyncMethods_EndInAsync_AndTakeAnOptionalCancellationTokenLast()
    {
        // IAsyncDisposable.DisposeAsync() has its shape fixed by the BCL.
        var offenders = PublicAsyncMethods()
            .Where(m => m.Name != nameof(IAsyncDisposable.DisposeAsync))
            .Where(m => !m.Name.EndsWith("Async", StringComparison.Ordinal)
                || m.GetParameters().LastOrDefault() is not { } last
                || last.ParameterType != typeof(CancellationToken)
                || last.Name != "cancellationToken"
                || !last.HasDefaultValue)
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}");

        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void Clients_HaveAnInterfaceForMocking()
    {
        foreach (var client in new[] { typeof(HubQuantumClient), typeof(HubServiceClient), typeof(HubPlatformClient) })
        {
            Assert.That(client.GetInterface("I" + client.Name), Is.Not.Null, client.Name);
            Assert.That(client.GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes), Is.Not.Null, $"{client.Name} has a protected constructor for mocking");
            var nonVirtual = client.GetInterface("I" + client.Name)!.GetProperties()
                .Select(p => client.GetProperty(p.Name)!.GetMethod!)
                .Where(getter => !getter.IsVirtual);
            Assert.That(nonVirtual, Is.Empty, $"{client.Name} members are virtual");
        }
    }

    [Test]
    public void Credentials_ImplementIHubCredential() =>
        Assert.That(
            PublicTypes.Where(t => t.Namespace == "KipuHub.Credentials" && t.Name.EndsWith("Credential", StringComparison.Ordinal) && !t.IsInterface),
            Is.All.Matches<Type>(t => typeof(IHubCredential).IsAssignableFrom(t)));

    [Test]
    public void Exceptions_DeriveFromHubException() =>
        Assert.That(
            PublicTypes.Where(t => typeof(Exception).IsAssignableFrom(t)),
            Is.All.Matches<Type>(t => typeof(HubException).IsAssignableFrom(t)));

    [Test]
    public void NothingPublic_ComesFromTheGeneratedNamespaces() =>
        Assert.That(PublicTypes.Where(t => t.Namespace!.StartsWith("KipuHub.Generated", StringComparison.Ordinal)), Is.Empty);
}
