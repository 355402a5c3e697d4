using System.Globalization;
using KipuHub.Generated.Quantum;
using Newtonsoft.Json.Linq;

namespace KipuHub.Jobs;

/// <summary>A finished job and its result document, with typed views of the common result shapes.</summary>
/// <remarks>Newtonsoft.Json and System.Text.Json (ASP.NET Core) write it alike: <c>job</c>, <c>raw</c> (the document), <c>omittedMembers</c>, <c>counts</c>, <c>probabilities</c>.</remarks>
public sealed class JobResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="job">The job in its final state.</param>
    /// <param name="raw">The result JSON as the Hub returned it.</param>
    public JobResult(Job job, JToken raw)
        : this(job, raw, [])
    {
    }

    /// <summary>Creates a result read without some of its large members.</summary>
    /// <param name="job">The job in its final state.</param>
    /// <param name="raw">The result JSON as read.</param>
    /// <param name="omittedMembers">Top-level members of the document that were not read.</param>
    public JobResult(Job job, JToken raw, IReadOnlyList<string> omittedMembers)
    {
        Job = job ?? throw new ArgumentNullException(nameof(job));
        Raw = raw ?? throw new ArgumentNullException(nameof(raw));
        OmittedMembers = omittedMembers ?? throw new ArgumentNullException(nameof(omittedMembers));
    }

    /// <summary>The job in its final state.</summary>
    [Newtonsoft.Json.JsonProperty("job")]
    [System.Text.Json.Serialization.JsonPropertyName("job")]
    public Job Job { get; }

    /// <summary>The result JSON as the Hub returned it (backend-specific).</summary>
    /// <remarks>
    /// From <c>RunJobAsync</c>: <c>counts</c>, <c>histogram</c>, <c>probabilities</c> and every top-level number, string
    /// and boolean; other top-level objects and arrays (raw measurements can be hundreds of megabytes) are left out so
    /// the run needs little memory, and are named in <see cref="OmittedMembers"/>. Read the whole document with
    /// <c>ReadJobResultAsync</c>, or save it with <c>DownloadJobResultAsync</c> in constant memory.
    /// </remarks>
    [Newtonsoft.Json.JsonProperty("raw")]
    [System.Text.Json.Serialization.JsonPropertyName("raw")]
    [System.Text.Json.Serialization.JsonConverter(typeof(KipuHub.Internal.Json.JTokenSystemTextJsonConverter))]
    public JToken Raw { get; }

    /// <summary>Gets the top-level members of the result document that <see cref="Raw"/> leaves out (empty when it is whole).</summary>
    [Newtonsoft.Json.JsonProperty("omittedMembers")]
    [System.Text.Json.Serialization.JsonPropertyName("omittedMembers")]
    public IReadOnlyList<string> OmittedMembers { get; }

    /// <summary>
    /// Measurement counts by bitstring, from <c>counts</c> (AWS style) or, when only probabilities are given, from
    /// <c>histogram</c> times the job's shots (IonQ style). Empty when the result has neither.
    /// </summary>
    [Newtonsoft.Json.JsonProperty("counts")]
    [System.Text.Json.Serialization.JsonPropertyName("counts")]
    public IReadOnlyDictionary<string, long> Counts => _counts ??= ReadCounts();

    /// <summary>Outcome probabilities by bitstring (counts divided by their total, or <c>histogram</c> as given).</summary>
    [Newtonsoft.Json.JsonProperty("probabilities")]
    [System.Text.Json.Serialization.JsonPropertyName("probabilities")]
    public IReadOnlyDictionary<string, double> Probabilities => _probabilities ??= ReadProbabilities();

    private IReadOnlyDictionary<string, long>? _counts;
    private IReadOnlyDictionary<string, double>? _probabilities;

    private Dictionary<string, long> ReadCounts()
    {
        if (Raw["counts"] is JObject counts)
            return counts.Properties().ToDictionary(p => p.Name, p => p.Value.Value<long>(), StringComparer.Ordinal);
        if (Raw["histogram"] is JObject histogram && Job.Shots is { } shots)
            return histogram.Properties().ToDictionary(p => p.Name, p => (long)Math.Round(p.Value.Value<double>() * shots), StringComparer.Ordinal);
        return new Dictionary<string, long>(StringComparer.Ordinal);
    }

    private Dictionary<string, double> ReadProbabilities()
    {
        if (Raw["histogram"] is JObject histogram)
            return histogram.Properties().ToDictionary(p => p.Name, p => p.Value.Value<double>(), StringComparer.Ordinal);
        var total = (double)Counts.Values.Sum();
        return Counts.ToDictionary(p => p.Key, p => total == 0 ? 0 : p.Value / total, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"Job {Job.Id} {Job.Status}: " + string.Join(", ", Counts.OrderByDescending(c => c.Value).Select(c => c.Key + "=" + c.Value.ToString(CultureInfo.InvariantCulture)));
}
