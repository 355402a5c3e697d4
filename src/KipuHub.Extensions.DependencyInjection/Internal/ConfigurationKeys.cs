namespace KipuHub.Extensions.DependencyInjection.Internal;

/// <summary>Names an option the way the user wrote it, so a validation message points at the right line.</summary>
/// <remarks>Bound from configuration: the key path (<c>KipuHub:BaseUrl</c>). Configured in code: the property (<c>KipuHubOptions.BaseUrl</c>).</remarks>
internal sealed class ConfigurationKeys
{
    private readonly string _typeName;

    public ConfigurationKeys(string typeName) => _typeName = typeName;

    /// <summary>Gets or sets the path of the configuration section the options were bound from, if any.</summary>
    public string? SectionPath { get; set; }

    /// <summary>Returns how to name <paramref name="property"/> (a ':'-separated path for nested options).</summary>
    public string Of(string property) => SectionPath switch
    {
        null => $"{_typeName}.{property.Replace(':', '.')}",
        "" => property,
        var path => $"{path}:{property}",
    };
}
