using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;
using SharpYaml.Serialization;

namespace KipuHub.SpecIntake;

/// <summary>
/// Reads a Hub document from a file or an http(s) URL and checks it with OpenAPI.NET (Microsoft.OpenApi, which reads
/// 3.0 and 3.1, JSON and YAML): a document the library cannot read, or that breaks its validation rules, is refused
/// with the library's own messages, before anything is rewritten or written.
/// </summary>
internal static class HubDocumentReader
{
    private const int MaxListed = 20;

    /// <summary>Reads and validates the document at <paramref name="location"/> (a path or an http/https URL).</summary>
    internal static async Task<HubDocument> ReadAsync(string location, HttpClient httpClient, CancellationToken cancellationToken = default)
    {
        var (text, formatHint) = await LoadTextAsync(location, httpClient, cancellationToken).ConfigureAwait(false);
        var shown = SourceName.Display(location);
        var format = formatHint ?? Sniff(text);
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();

        ReadResult result;
        try
        {
            result = OpenApiDocument.Parse(text, format, settings);
        }
        catch (Exception e) when (e is OpenApiException or JsonException or SharpYaml.YamlException or FormatException)
        {
            throw new IntakeException($"{shown}: not a readable OpenAPI document ({format}): {e.Message}", e);
        }

        var diagnostic = result.Diagnostic;
        var errors = diagnostic?.Errors.Select(Describe).ToList() ?? [];
        if (result.Document is null && errors.Count == 0)
        {
            errors.Add("the OpenAPI library returned no document");
        }

        if (result.Document is not null)
        {
            errors.AddRange(result.Document.Validate(ValidationRuleSet.GetDefaultRuleSet())?.Select(Describe) ?? []);
        }

        var version = diagnostic?.SpecificationVersion;
        if (errors.Count == 0 && version is not (OpenApiSpecVersion.OpenApi3_0 or OpenApiSpecVersion.OpenApi3_1))
        {
            errors.Add($"OpenAPI {version} is not supported; the intake step reads OpenAPI 3.0 and 3.1 documents");
        }

        if (errors.Count > 0)
        {
            throw new IntakeException(
                $"{shown}: the document is invalid ({errors.Count} error(s)); nothing was written:{Environment.NewLine}"
                + string.Join(Environment.NewLine, errors.Take(MaxListed).Select(e => "  error: " + e))
                + (errors.Count > MaxListed ? $"{Environment.NewLine}  ... and {errors.Count - MaxListed} more" : string.Empty));
        }

        var json = ToJson(text, format, shown);
        var declared = JsonEdit.AsString(json["openapi"]) ?? "?";
        var warnings = diagnostic?.Warnings.Select(Describe).ToList() ?? [];
        return new HubDocument(json, declared, format, warnings);
    }

    private static async Task<(string Text, string? Format)> LoadTextAsync(string location, HttpClient httpClient, CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(location, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            try
            {
                using var response = await httpClient.GetAsync(uri, cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    throw new IntakeException($"{SourceName.Display(location)}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}; nothing was written.");
                }

                var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                var mediaType = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
                return (text, mediaType.Contains("yaml", StringComparison.OrdinalIgnoreCase) ? "yaml"
                    : mediaType.Contains("json", StringComparison.OrdinalIgnoreCase) ? "json"
                    : FormatFromExtension(uri.AbsolutePath));
            }
            catch (HttpRequestException e)
            {
                throw new IntakeException($"{SourceName.Display(location)}: could not download the document: {e.Message}", e);
            }
        }

        if (!File.Exists(location))
        {
            throw new IntakeException($"{location}: no such file.");
        }

        return (await File.ReadAllTextAsync(location, Encoding.UTF8, cancellationToken).ConfigureAwait(false), FormatFromExtension(location));
    }

    private static string? FormatFromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".yaml" or ".yml" => "yaml",
        ".json" => "json",
        _ => null,
    };

    private static string Sniff(string text) => text.TrimStart().StartsWith('{') ? "json" : "yaml";

    private static JsonObject ToJson(string text, string format, string location)
    {
        try
        {
            if (format == "json")
            {
                return SpecJson.Parse(text);
            }

            // The same YAML-to-JSON conversion OpenAPI.NET's own YAML reader uses.
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count > 0 && stream.Documents[0].ToJsonNode() is JsonObject json
                ? json
                : throw new IntakeException($"{location}: the YAML document is not a mapping.");
        }
        catch (Exception e) when (e is JsonException or SharpYaml.YamlException)
        {
            throw new IntakeException($"{location}: not readable as {format}: {e.Message}", e);
        }
    }

    private static string Describe(OpenApiError error) =>
        string.IsNullOrEmpty(error.Pointer) ? error.Message : $"{error.Pointer}: {error.Message}";
}
