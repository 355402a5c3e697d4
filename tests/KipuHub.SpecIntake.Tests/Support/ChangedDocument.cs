using System.Text.Json.Nodes;
using KipuHub.SpecIntake;

namespace KipuHub.SpecIntake.Tests.Support;

/// <summary>
/// One of our specs with known changes made to it, each chosen from what the spec contains (nothing is assumed about
/// its content): an operation removed, one added, a property renamed, one made required, one removed, an enum value
/// added, an optional parameter made required and a response removed. <see cref="Expected"/> is what the report must say about each.
/// </summary>
internal sealed class ChangedDocument
{
    private ChangedDocument(string api, JsonObject document, List<SpecChange> expected, string removedOperationId)
    {
        Api = api;
        Document = document;
        Expected = expected;
        RemovedOperationId = removedOperationId;
    }

    /// <summary>The API whose spec was changed.</summary>
    public string Api { get; }

    /// <summary>The changed document.</summary>
    public JsonObject Document { get; }

    /// <summary>The report lines expected, one per change.</summary>
    public IReadOnlyList<SpecChange> Expected { get; }

    /// <summary>The operationId of the removed operation.</summary>
    public string RemovedOperationId { get; }

    /// <summary>The first spec (of those in specs/) that offers every change; null when none does.</summary>
    public static ChangedDocument? FromFirstSuitableSpec()
    {
        foreach (var api in Repo.Apis)
        {
            if (TryChange(api, Repo.Spec(api)) is { } changed)
            {
                return changed;
            }
        }

        return null;
    }

    private static ChangedDocument? TryChange(string api, JsonObject document)
    {
        var expected = new List<SpecChange>();
        var operations = OperationIndex.Of(document).Operations;

        // An operation removed (one with an operationId, so the generated method it removes has a known name).
        var removed = operations.FirstOrDefault(o => o.OperationId is not null);
        // An optional, non-path parameter of another operation made required.
        var withOptional = operations.Where(o => o != removed)
            .Select(o => (Operation: o, Parameter: (o.Node["parameters"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(p => !IsTrue(p["required"]) && JsonEdit.AsString(p["name"]) is not null && JsonEdit.AsString(p["in"]) != "path")))
            .FirstOrDefault(x => x.Parameter is not null);
        // A response removed from an operation that has more than one.
        var withResponses = operations.FirstOrDefault(o => o != removed && o.Node["responses"] is JsonObject { Count: > 1 });
        var schemas = document["components"]?["schemas"] as JsonObject;
        // A property renamed, in a named schema (properties and required list both renamed).
        var withProperty = schemas?.FirstOrDefault(s => s.Value?["properties"] is JsonObject { Count: > 0 });
        // An enum value added to a named enum.
        var withEnum = schemas?.FirstOrDefault(s => s.Value?["enum"] is JsonArray { Count: > 0 } values && values.All(v => v is JsonValue));
        if (removed is null || withOptional.Parameter is null || withResponses is null || withProperty?.Value is null || withEnum?.Value is null)
        {
            return null;
        }

        var path = (JsonObject)document["paths"]![removed.Path]!;
        path.Remove(removed.Method.ToLowerInvariant());
        expected.Add(new SpecChange(removed.Display, "operation removed", Breaking: true));

        var parameter = withOptional.Parameter;
        parameter["required"] = true;
        expected.Add(new SpecChange(withOptional.Operation.Display, $"parameter {JsonEdit.AsString(parameter["in"])} '{JsonEdit.AsString(parameter["name"])}' is now required", Breaking: true));

        var responses = (JsonObject)withResponses.Node["responses"]!;
        var code = responses.Last().Key;
        responses.Remove(code);
        expected.Add(new SpecChange(withResponses.Display, $"response {code} removed", Breaking: true));

        var schema = (JsonObject)withProperty.Value.Value!;
        var properties = (JsonObject)schema["properties"]!;
        var oldName = properties.First().Key;
        var newName = oldName + "_renamed";
        var propertySchema = properties[oldName];
        properties.Remove(oldName);
        properties.Insert(0, newName, propertySchema);
        if (schema["required"] is JsonArray required && required.FirstOrDefault(r => JsonEdit.IsString(r, oldName)) is { } entry)
        {
            required[required.IndexOf(entry)] = newName;
        }

        expected.Add(new SpecChange($"schema {withProperty.Value.Key}", $"property '{oldName}' renamed to '{newName}'", Breaking: true));

        // Another schema's optional property made required (a required change), and its next property removed.
        var withOptionalProperty = schemas!.FirstOrDefault(s => s.Key != withProperty.Value.Key && s.Value?["properties"] is JsonObject { Count: > 1 } p
            && p.Any(m => !IsRequiredIn(s.Value, m.Key)));
        if (withOptionalProperty.Value is JsonObject target)
        {
            var targetProperties = (JsonObject)target["properties"]!;
            var optional = targetProperties.First(m => !IsRequiredIn(target, m.Key)).Key;
            if (target["required"] is not JsonArray requiredList)
            {
                target["required"] = requiredList = [];
            }

            requiredList.Add(optional);
            expected.Add(new SpecChange($"schema {withOptionalProperty.Key}", $"property '{optional}' is now required", Breaking: true));
            var dropped = targetProperties.First(m => m.Key != optional).Key;
            targetProperties.Remove(dropped);
            if (requiredList.FirstOrDefault(r => JsonEdit.IsString(r, dropped)) is { } droppedEntry)
            {
                requiredList.Remove(droppedEntry);
            }

            expected.Add(new SpecChange($"schema {withOptionalProperty.Key}", $"property '{dropped}' removed", Breaking: true));
        }

        var values = (JsonArray)withEnum.Value.Value!["enum"]!;
        var newValue = values[0] is JsonValue first && first.TryGetValue<string>(out var text) ? (JsonNode)(text + "_added") : 987654;
        values.Add(newValue);
        expected.Add(new SpecChange($"schema {withEnum.Value.Key}", $"enum value {newValue.ToJsonString()} added", Breaking: false));

        // An operation added: a copy of an existing one (with its path's parameters) under a new path and operationId.
        var copy = (JsonObject)withResponses.Node.DeepClone();
        copy["operationId"] = "intakeTestAddedOperation";
        var addedPath = withResponses.Path.TrimEnd('/') + "/intake-test-added";
        var addedItem = new JsonObject { [withResponses.Method.ToLowerInvariant()] = copy };
        if (withResponses.PathItem["parameters"] is { } pathParameters)
        {
            addedItem["parameters"] = pathParameters.DeepClone();
        }

        ((JsonObject)document["paths"]!)[addedPath] = addedItem;
        expected.Add(new SpecChange($"{withResponses.Method} {addedPath} (intakeTestAddedOperation)", "operation added", Breaking: false));

        return new ChangedDocument(api, document, expected, removed.OperationId!);
    }

    private static bool IsRequiredIn(JsonNode? schema, string name) =>
        schema?["required"] is JsonArray required && required.Any(r => JsonEdit.IsString(r, name));

    private static bool IsTrue(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var b) && b;
}
