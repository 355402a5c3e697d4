using System.Globalization;
using System.Text;
using KipuHub.Generated.Service;

namespace KipuHub.Emulator.Service;

/// <summary>What a finished execution produced: the service's result JSON and its files.</summary>
internal static class ServiceResults
{
    /// <summary>The service's own result (kept under <c>result</c> in the HAL body) for a SUCCEEDED execution.</summary>
    public static JToken Result(ServiceExecutionRecord execution)
    {
        if (execution.Job is not { } job)
        {
            return execution.Input.DeepClone();
        }

        return new JObject
        {
            ["job_id"] = job.Id,
            ["backend_id"] = job.Backend.Id,
            ["shots"] = job.Shots,
            ["counts"] = job.Result.Body["counts"]!.DeepClone(),
        };
    }

    /// <summary>The result files by name; the names are the keys of the result's <c>_links</c>.</summary>
    public static IReadOnlyDictionary<string, byte[]> Files(ServiceExecutionRecord execution)
    {
        var result = Result(execution);
        var json = Encoding.UTF8.GetBytes(result.ToString(Newtonsoft.Json.Formatting.Indented));
        if (execution.Kind == DemoServiceKind.Echo)
        {
            return new Dictionary<string, byte[]> { ["output.json"] = json };
        }

        var csv = new StringBuilder("bitstring,count\n");
        foreach (var pair in (JObject)result["counts"]!)
        {
            csv.Append(pair.Key).Append(',').Append(pair.Value!.Value<int>().ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return new Dictionary<string, byte[]> { ["result.json"] = json, ["counts.csv"] = Encoding.UTF8.GetBytes(csv.ToString()) };
    }

    public static ResultResponse Response(ServiceExecutionRecord execution, ExecutionState state, string executionUrl, DateTimeOffset now)
    {
        var links = new Dictionary<string, HalLink>
        {
            ["self"] = new() { Href = executionUrl + "/result" },
            ["status"] = new() { Href = executionUrl },
        };
        var response = new ResultResponse { Links = links, Embedded = new ResultEmbedded { Status = execution.ToModel(now) } };
        if (state.Status == ServiceExecutionStatus.Succeeded)
        {
            foreach (var file in Files(execution).Keys)
            {
                links[file] = new HalLink { Href = $"{executionUrl}/result/{file}", Type = file.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/json" };
            }

            response.AdditionalProperties["result"] = Result(execution);
        }
        else
        {
            response.AdditionalProperties["error"] = new JObject { ["code"] = "EXECUTION_FAILED", ["message"] = state.Failure };
        }

        return response;
    }
}
