using Microsoft.Extensions.Options;

namespace KipuHub.Extensions.DependencyInjection.Internal;

/// <summary>
/// Validates the options instance of one registration (its name) at start-up and skips every other; each problem is
/// one message that names the configuration key and says what to do.
/// </summary>
/// <typeparam name="TOptions">The options type.</typeparam>
/// <param name="name">The options name of the registration.</param>
internal abstract class NamedOptionsValidator<TOptions>(string name) : IValidateOptions<TOptions>
    where TOptions : class
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? optionsName, TOptions options)
    {
        if (!string.Equals(optionsName ?? Options.DefaultName, name, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var messages = Problems(options).OfType<string>().ToList();
        return messages.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(messages);
    }

    /// <summary>Returns every problem of <paramref name="options"/> (nulls are ignored).</summary>
    private protected abstract IEnumerable<string?> Problems(TOptions options);
}
