using System.Reflection;
using KipuHub.Generated.Quantum;
using KipuHub.Generated.Service;
using KipuHub.Internal;
using KipuHub.Quantum.Internal;
using KipuHub.Service.Internal;
using PlatformApiException = KipuHub.Generated.Platform.PlatformApiException;
using QuantumApiException = KipuHub.Generated.Quantum.QuantumApiException;
using ServiceApiException = KipuHub.Generated.Service.ServiceApiException;

namespace KipuHub.Tests.Errors;

/// <summary>
/// By reflection over every operation of every namespace: errors are translated and path ids are guarded. A new
/// operation in a spec is covered without touching this file.
/// </summary>
[TestFixture]
public class DecoratorConventionTests
{
    private static readonly NullabilityInfoContext Nullability = new();

    public static IEnumerable<TestCaseData> Operations()
    {
        foreach (var (iface, wrap, error) in Namespaces())
        {
            foreach (var method in iface.GetMethods())
            {
                yield return new TestCaseData(iface, method, wrap, error).SetName($"{iface.Name}.{method.Name}");
            }
        }
    }

    [TestCaseSource(nameof(Operations))]
    public void EveryOperation_TranslatesGeneratedApiException(Type iface, MethodInfo method, Func<object, object> wrap, Func<Exception> error)
    {
        var inner = ThrowingProxy.Create(iface, error);
        var facade = wrap(inner);

        var ex = Assert.CatchAsync<Exception>(() => (Task)method.Invoke(facade, Arguments(method, "id-1"))!);

        Assert.That(ex, Is.InstanceOf<NotFoundException>(), $"{method.Name} must translate ApiException");
        Assert.That(ex!.Message, Does.Contain($".{method.Name} failed with 404"));
    }

    [TestCaseSource(nameof(Operations))]
    public void EveryPathId_IsGuarded_BeforeAnyRequest(Type iface, MethodInfo method, Func<object, object> wrap, Func<Exception> error)
    {
        var required = method.GetParameters().Where(IsRequiredString).ToArray();
        if (required.Length == 0)
        {
            Assert.Pass("no path ids");
        }

        var inner = ThrowingProxy.Create(iface, error);
        var facade = wrap(inner);

        foreach (var blank in new[] { "", " " })
        {
            var ex = Assert.Catch(() => method.Invoke(facade, Arguments(method, blank)));
            Assert.That(ex, Is.InstanceOf<TargetInvocationException>().And.Property("InnerException").InstanceOf<ArgumentException>());
        }

        Assert.That(ThrowingProxy.Calls(inner), Is.Zero, "a blank id never reaches the generated client");
    }

    private static IEnumerable<(Type Interface, Func<object, object> Wrap, Func<Exception> Error)> Namespaces()
    {
        Func<Exception> quantum = () => new QuantumApiException("not found", 404, "{}", new Dictionary<string, IEnumerable<string>>(), null);
        Func<Exception> service = () => new ServiceApiException("not found", 404, "{}", new Dictionary<string, IEnumerable<string>>(), null);
        yield return (typeof(IBackendsClient), i => new ErrorMappingBackendsClient((IBackendsClient)i, Mapper()), quantum);
        yield return (typeof(ISessionsClient), i => new ErrorMappingSessionsClient((ISessionsClient)i, Mapper()), quantum);
        yield return (typeof(IJobsClient), i => new ErrorMappingJobsClient((IJobsClient)i, Mapper()), quantum);
        yield return (typeof(IWorkloadsClient), i => new ErrorMappingWorkloadsClient((IWorkloadsClient)i, Mapper()), quantum);
        yield return (typeof(IServiceApiClient), i => new ErrorMappingServiceApiClient((IServiceApiClient)i, Mapper()), service);
        foreach (var (iface, decorator) in PlatformDecorators())
        {
            yield return (iface, i => Activator.CreateInstance(decorator, i, Mapper())!, Platform);
        }
    }

    [Test]
    public void EveryPlatformInterface_HasADecorator_AndTheClientExposesIt()
    {
        var pairs = PlatformDecorators().ToList();

        Assert.That(pairs, Has.Count.EqualTo(22), "sdk-api.md's HubPlatformClient has 22 namespaces");
        Assert.That(pairs.Sum(p => p.Interface.GetMethods().Length), Is.EqualTo(136), "specs/platform.json has 136 operations");
        using var client = new HubPlatformClient(new HubPlatformClientOptions { ApiKey = "t", BaseUrl = new Uri("https://hub.test/qc-catalog/") });
        foreach (var (iface, decorator) in pairs)
        {
            var property = typeof(IHubPlatformClient).GetProperties().SingleOrDefault(p => p.PropertyType == iface);
            Assert.That(property, Is.Not.Null, $"IHubPlatformClient exposes {iface.Name}");
            Assert.That(property!.GetValue(client), Is.InstanceOf(decorator), $"{property.Name} is error-mapped");
            Assert.That(property.GetValue(client), Is.SameAs(property.GetValue(client)), $"{property.Name} is created once");
        }
    }

    private static Exception Platform() => new PlatformApiException("not found", 404, "{}", new Dictionary<string, IEnumerable<string>>(), null);

    /// <summary>Every generated Platform interface and the decorator named after it (a missing one fails the test).</summary>
    private static IEnumerable<(Type Interface, Type Decorator)> PlatformDecorators() =>
        typeof(KipuHub.Generated.Platform.IDataPoolsClient).Assembly.GetExportedTypes()
            .Where(t => t.IsInterface && t.Name.EndsWith("Client", StringComparison.Ordinal))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (t, typeof(HubPlatformClient).Assembly.GetType($"KipuHub.Platform.Internal.ErrorMapping{t.Name[1..]}")
                ?? throw new AssertionException($"No decorator for {t.Name}: add KipuHub.Platform.Internal.ErrorMapping{t.Name[1..]}.")));

    private static HubErrorMapper Mapper() => new(HubApiKind.Quantum, new TokenRedactor());

    private static bool IsRequiredString(ParameterInfo parameter) =>
        parameter.ParameterType == typeof(string) && Nullability.Create(parameter).WriteState == NullabilityState.NotNull;

    private static object?[] Arguments(MethodInfo method, string id) => method.GetParameters().Select(p => p switch
    {
        _ when IsRequiredString(p) => id,
        { ParameterType.IsValueType: true } => Activator.CreateInstance(p.ParameterType),
        { HasDefaultValue: true } => null,
        _ => Activator.CreateInstance(p.ParameterType),
    }).ToArray();

    /// <summary>A stand-in for a generated client whose every operation fails with the generated ApiException.</summary>
    public class ThrowingProxy : DispatchProxy
    {
        private Func<Exception> _error = null!;
        private int _calls;

        public static object Create(Type iface, Func<Exception> error)
        {
            var proxy = (ThrowingProxy)typeof(DispatchProxy).GetMethod(nameof(DispatchProxy.Create), 2, Type.EmptyTypes)!
                .MakeGenericMethod(iface, typeof(ThrowingProxy)).Invoke(null, null)!;
            proxy._error = error;
            return proxy;
        }

        public static int Calls(object proxy) => ((ThrowingProxy)proxy)._calls;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            _calls++;
            var returnType = targetMethod!.ReturnType;
            if (!returnType.IsGenericType)
            {
                return Task.FromException(_error());
            }

            var resultType = returnType.GetGenericArguments()[0];
            return typeof(Task).GetMethod(nameof(Task.FromException), 1, [typeof(Exception)])!.MakeGenericMethod(resultType).Invoke(null, [_error()]);
        }
    }
}
