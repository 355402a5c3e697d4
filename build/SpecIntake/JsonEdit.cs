using System.Text.Json.Nodes;

namespace KipuHub.SpecIntake;

/// <summary>Edits of a JSON object that keep its member order, so a rewritten spec diffs line by line.</summary>
internal static class JsonEdit
{
    /// <summary>Replaces member <paramref name="key"/> by <paramref name="members"/>, at the same position.</summary>
    internal static void ReplaceMember(JsonObject target, string key, params (string Key, JsonNode? Value)[] members)
    {
        var index = target.IndexOf(key);
        if (index < 0)
        {
            index = target.Count;
        }
        else
        {
            target.RemoveAt(index);
        }

        foreach (var (name, value) in members)
        {
            var existing = target.IndexOf(name);
            if (existing >= 0)
            {
                target.RemoveAt(existing);
                if (existing < index)
                {
                    index--;
                }
            }

            target.Insert(index++, name, value);
        }
    }

    /// <summary>Sets <paramref name="key"/> right after <paramref name="after"/> (or last when that is absent).</summary>
    internal static void SetAfter(JsonObject target, string after, string key, JsonNode? value)
    {
        target.Remove(key);
        var index = target.IndexOf(after);
        target.Insert(index < 0 ? target.Count : index + 1, key, value);
    }

    /// <summary>Sets <paramref name="key"/> where it sits in <paramref name="model"/>: right after the nearest preceding
    /// member of the model that <paramref name="target"/> has (first when none; last when the model lacks the key), so a
    /// carried part lands where it was and the written spec diffs only where the API moved.</summary>
    internal static void InsertAsIn(JsonObject target, string key, JsonNode? value, JsonObject model)
    {
        target.Remove(key);
        var keys = model.Select(m => m.Key).ToList();
        var index = keys.Contains(key) ? 0 : target.Count;
        for (var i = keys.IndexOf(key) - 1; i >= 0; i--)
        {
            if (target.IndexOf(keys[i]) is var at and >= 0)
            {
                index = at + 1;
                break;
            }
        }

        target.Insert(index, key, value);
    }

    /// <summary>A deep copy of a node (JsonNode.DeepClone, typed for the call sites).</summary>
    internal static JsonObject CloneObject(JsonObject source) => (JsonObject)source.DeepClone();

    /// <summary>Whether the node is the JSON string <paramref name="text"/>.</summary>
    internal static bool IsString(JsonNode? node, string text) =>
        node is JsonValue value && value.TryGetValue<string>(out var s) && s == text;

    /// <summary>The node as a string, or null when it is not one.</summary>
    internal static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
}
