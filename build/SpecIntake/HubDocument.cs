using System.Text.Json.Nodes;

namespace KipuHub.SpecIntake;

/// <summary>A Hub OpenAPI document as read: its JSON tree and what the OpenAPI library said about it.</summary>
/// <param name="Json">The document as JSON (a YAML document converted), to rewrite.</param>
/// <param name="Version">The OpenAPI version the document declares ("3.1.0").</param>
/// <param name="Format">"json" or "yaml".</param>
/// <param name="Warnings">The library's warnings (reading and validation), "pointer: message".</param>
internal sealed record HubDocument(JsonObject Json, string Version, string Format, IReadOnlyList<string> Warnings);
