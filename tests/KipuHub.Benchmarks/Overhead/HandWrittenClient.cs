using System.Text;
using KipuHub.Generated.Quantum;
using Newtonsoft.Json;

namespace KipuHub.Benchmarks.Overhead;

/// <summary>
/// The baseline: what a careful developer writes without any SDK, <see cref="HttpClient"/> plus Newtonsoft.Json,
/// streaming the body into the same model classes (so the comparison measures the client code, not the models).
/// </summary>
public sealed class HandWrittenClient(HttpClient http)
{
    private static readonly JsonSerializer Serializer = JsonSerializer.CreateDefault();

    public Task<Job> GetJobAsync(string id, CancellationToken cancellationToken = default) =>
        GetAsync<Job>("jobs/" + Uri.EscapeDataString(id), cancellationToken);

    public Task<JobStatusResponse> GetJobStatusAsync(string id, CancellationToken cancellationToken = default) =>
        GetAsync<JobStatusResponse>("jobs/" + Uri.EscapeDataString(id) + "/status", cancellationToken);

    public Task<ICollection<Backend>> GetBackendsAsync(CancellationToken cancellationToken = default) =>
        GetAsync<ICollection<Backend>>("backends", cancellationToken);

    public async Task<Job> CreateJobAsync(CreateJobRequest request, CancellationToken cancellationToken = default)
    {
        using var content = new StringContent(JsonConvert.SerializeObject(request), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync("jobs", content, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<Job>(response, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<T>(response, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new JsonTextReader(new StreamReader(stream));
        return Serializer.Deserialize<T>(reader) ?? throw new InvalidDataException("The response body was null.");
    }
}
