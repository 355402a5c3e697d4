using KipuHub.Generated.Service;

namespace KipuHub.Service;

/// <summary>A finished service execution and its HAL result.</summary>
public sealed class ServiceExecutionResult
{
    /// <summary>Creates the result.</summary>
    /// <param name="execution">The execution in its final state.</param>
    /// <param name="result">Its result (<c>_links</c>, <c>_embedded</c> and the service's own fields).</param>
    public ServiceExecutionResult(ServiceExecution execution, ResultResponse result)
    {
        Execution = execution ?? throw new ArgumentNullException(nameof(execution));
        Result = result ?? throw new ArgumentNullException(nameof(result));
    }

    /// <summary>The execution in its final state.</summary>
    [Newtonsoft.Json.JsonProperty("execution")]
    [System.Text.Json.Serialization.JsonPropertyName("execution")]
    public ServiceExecution Execution { get; }

    /// <summary>The result document.</summary>
    [Newtonsoft.Json.JsonProperty("result")]
    [System.Text.Json.Serialization.JsonPropertyName("result")]
    public ResultResponse Result { get; }

    /// <summary>Names of the result files (the <c>_links</c> keys other than <c>self</c> and <c>status</c>).</summary>
    [Newtonsoft.Json.JsonProperty("fileNames")]
    [System.Text.Json.Serialization.JsonPropertyName("fileNames")]
    public IReadOnlyList<string> FileNames => GetFileNames(Result);

    /// <summary>Names of the result files of <paramref name="result"/>.</summary>
    /// <param name="result">A result document.</param>
    public static IReadOnlyList<string> GetFileNames(ResultResponse result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Links?.Keys.Where(k => k is not ("self" or "status")).ToList() ?? [];
    }
}
