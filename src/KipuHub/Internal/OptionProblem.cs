namespace KipuHub.Internal;

/// <summary>One thing wrong with a client's options.</summary>
/// <param name="Option">The option as the user named it (<c>HubQuantumClientOptions.Timeout</c>, <c>KipuHub:Timeout</c>).</param>
/// <param name="Message">What is wrong and what to do; it names the option and never quotes a secret.</param>
/// <param name="OutOfRange">Whether the value is out of range (a constructor throws <see cref="ArgumentOutOfRangeException"/>).</param>
/// <param name="ParamName">The <see cref="ArgumentException.ParamName"/> a constructor reports, when not the option's last segment.</param>
internal sealed record OptionProblem(string Option, string Message, bool OutOfRange = false, string? ParamName = null);
