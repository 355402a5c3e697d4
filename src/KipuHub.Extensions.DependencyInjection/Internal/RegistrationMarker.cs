using Microsoft.Extensions.DependencyInjection;

namespace KipuHub.Extensions.DependencyInjection.Internal;

/// <summary>
/// Keeps one registration object per key in the service collection, so a second <c>AddKipuHub</c> or
/// <c>AddServiceGateway</c> with the same key finds the first and adds nothing twice.
/// </summary>
internal static class RegistrationMarker
{
    /// <summary>Returns the registration kept under <paramref name="marker"/>, or creates, keeps and sets it up with <paramref name="create"/>.</summary>
    public static T GetOrAdd<T>(IServiceCollection services, string marker, Func<T> create, Action<T> setUp)
        where T : class
    {
        var existing = services.FirstOrDefault(d => d.IsKeyedService && d.ServiceType == typeof(T) && Equals(d.ServiceKey, marker));
        if (existing?.KeyedImplementationInstance is T found)
        {
            return found;
        }

        var registration = create();
        services.AddKeyedSingleton(marker, registration);
        setUp(registration);
        return registration;
    }
}
