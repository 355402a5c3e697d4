using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KipuHub.Extensions.DependencyInjection.Internal;

/// <summary>Adds transient client services, keyed or not, without replacing what the application registered.</summary>
internal static class ClientRegistration
{
    public static void Add<T>(IServiceCollection services, string? key, Func<IServiceProvider, T> create)
        where T : class
    {
        if (key is null)
        {
            services.TryAddTransient(create);
        }
        else
        {
            services.TryAddKeyedTransient(key, (sp, _) => create(sp));
        }
    }

    /// <summary>Adds <typeparamref name="TInterface"/> as the service <typeparamref name="TClient"/> of the same key.</summary>
    public static void Alias<TInterface, TClient>(IServiceCollection services, string? key)
        where TInterface : class
        where TClient : class, TInterface
    {
        if (key is null)
        {
            services.TryAddTransient<TInterface>(sp => sp.GetRequiredService<TClient>());
        }
        else
        {
            services.TryAddKeyedTransient<TInterface>(key, (sp, k) => sp.GetRequiredKeyedService<TClient>(k));
        }
    }

    /// <summary>
    /// Adds every generated client of <paramref name="assembly"/> (a public class <c>XClient</c> with an interface
    /// <c>IXClient</c> and a constructor taking an <see cref="HttpClient"/>) over the named <c>HttpClient</c>.
    /// </summary>
    public static void AddGenerated(IServiceCollection services, string? key, Assembly assembly, string clientName)
    {
        foreach (var (contract, constructor) in GeneratedClients(assembly))
        {
            object Create(IServiceProvider sp) => constructor.Invoke([HttpClientRegistration.Create(sp, clientName)]);
            services.TryAdd(key is null
                ? ServiceDescriptor.Transient(contract, Create)
                : ServiceDescriptor.KeyedTransient(contract, key, (sp, _) => Create(sp)));
        }
    }

    /// <summary>The generated client interfaces of an assembly and the constructors of their implementations.</summary>
    public static IEnumerable<(Type Contract, ConstructorInfo Constructor)> GeneratedClients(Assembly assembly) =>
        from type in assembly.GetExportedTypes()
        where type is { IsClass: true, IsAbstract: false } && type.Name.EndsWith("Client", StringComparison.Ordinal)
        let contract = type.GetInterface("I" + type.Name)
        let constructor = type.GetConstructor([typeof(HttpClient)])
        where contract is not null && constructor is not null
        select (contract, constructor);
}
