using System.Text.Json.Nodes;
using KipuHub.SpecIntake;

namespace KipuHub.SpecIntake.Tests;

/// <summary>Each 3.1 construct NSwag 14 mishandles, as 3.1 publishers (FastAPI, Fern, Spring) write it, becomes its
/// 3.0 shape; a 3.0 document passes through unchanged.</summary>
[TestFixture]
public sealed class DowngraderTests
{
    [TestCase("""{"type": ["string", "null"], "description": "d"}""", """{"type": "string", "nullable": true, "description": "d"}""")]
    [TestCase("""{"type": ["integer"]}""", """{"type": "integer"}""")]
    [TestCase("""{"type": ["string", "integer", "null"]}""", """{"anyOf": [{"type": "string"}, {"type": "integer"}], "nullable": true}""")]
    [TestCase("""{"anyOf": [{"$ref": "#/components/schemas/B"}, {"type": "null"}], "description": "d"}""", """{"allOf": [{"$ref": "#/components/schemas/B"}], "nullable": true, "description": "d"}""")]
    [TestCase("""{"oneOf": [{"type": "null"}, {"$ref": "#/components/schemas/B"}]}""", """{"allOf": [{"$ref": "#/components/schemas/B"}], "nullable": true}""")]
    [TestCase("""{"anyOf": [{"type": "string", "format": "date-time"}, {"type": "null"}], "title": "T"}""", """{"type": "string", "format": "date-time", "title": "T", "nullable": true}""")]
    [TestCase("""{"anyOf": [{"type": "string"}, {"type": "integer"}, {"type": "null"}]}""", """{"anyOf": [{"type": "string"}, {"type": "integer"}], "nullable": true}""")]
    [TestCase("""{"type": "string", "const": "job"}""", """{"type": "string", "enum": ["job"]}""")]
    [TestCase("""{"type": ["string", "null"], "enum": ["a", "b", null]}""", """{"type": "string", "nullable": true, "enum": ["a", "b"]}""")]
    [TestCase("""{"type": "integer", "examples": [3, 4]}""", """{"type": "integer", "example": 3}""")]
    [TestCase("""{"$ref": "#/components/schemas/B", "description": "d"}""", """{"allOf": [{"$ref": "#/components/schemas/B"}], "description": "d"}""")]
    [TestCase("""{"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 10}""", """{"type": "number", "minimum": 0, "exclusiveMinimum": true, "maximum": 10, "exclusiveMaximum": true}""")]
    [TestCase("""{"type": "string", "contentEncoding": "base64"}""", """{"type": "string", "format": "byte"}""")]
    [TestCase("""{"type": "string", "contentMediaType": "application/octet-stream"}""", """{"type": "string", "format": "binary"}""")]
    [TestCase("""{"type": "object", "$comment": "c", "unevaluatedProperties": false, "properties": {"a": {"type": "string"}}}""", """{"type": "object", "properties": {"a": {"type": "string"}}}""")]
    [TestCase("""{"title": "Any"}""", """{"title": "Any"}""")]
    public void A31PropertySchemaBecomesIts30Shape(string schema, string expected)
    {
        var document = Document("3.1.0", schema);

        OpenApi31Downgrader.Downgrade(document);

        var property = document["components"]!["schemas"]!["A"]!["properties"]!["p"];
        Assert.That(JsonNode.DeepEquals(property, JsonNode.Parse(expected)), Is.True, property!.ToJsonString());
    }

    [Test]
    public void AnUntypedBodyBecomesANullableObject()
    {
        var document = Document("3.1.0", """{"type": "string"}""");
        document["paths"] = JsonNode.Parse("""{"/a": {"get": {"responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"title": "Any"}}}}}}}}""");

        OpenApi31Downgrader.Downgrade(document);

        var body = document["paths"]!["/a"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"];
        Assert.That(JsonNode.DeepEquals(body, JsonNode.Parse("""{"title": "Any", "type": "object", "nullable": true}""")), Is.True, body!.ToJsonString());
    }

    [Test]
    public void NestedSchemasAreRewrittenToo()
    {
        var document = Document("3.1.0", """{"type": "array", "items": {"type": "object", "properties": {"q": {"type": ["boolean", "null"]}}}}""");

        OpenApi31Downgrader.Downgrade(document);

        var nested = document["components"]!["schemas"]!["A"]!["properties"]!["p"]!["items"]!["properties"]!["q"];
        Assert.That(JsonNode.DeepEquals(nested, JsonNode.Parse("""{"type": "boolean", "nullable": true}""")), Is.True, nested!.ToJsonString());
    }

    [Test]
    public void The31OnlyDocumentMembersGoAndTheVersionBecomes303()
    {
        var document = Document("3.1.1", """{"type": "string"}""");
        document["jsonSchemaDialect"] = "https://spec.openapis.org/oas/3.1/dialect/base";
        document["webhooks"] = new JsonObject();
        document["info"]!["summary"] = "s";
        document["info"]!["license"] = new JsonObject { ["name"] = "MIT", ["identifier"] = "MIT" };

        var log = OpenApi31Downgrader.Downgrade(document);

        Assert.That(JsonEdit.AsString(document["openapi"]), Is.EqualTo("3.0.3"));
        Assert.That(document.ContainsKey("jsonSchemaDialect") || document.ContainsKey("webhooks"), Is.False);
        Assert.That(JsonNode.DeepEquals(document["info"], JsonNode.Parse("""{"title": "t", "version": "1", "license": {"name": "MIT"}}""")), Is.True);
        Assert.That(log.Lines(), Has.Some.Contains("openapi 3.1.1 → 3.0.3"));
    }

    [Test]
    public void A30DocumentPassesThroughUnchanged()
    {
        // Shapes two rules rewrite in 3.1 documents only: $ref siblings and an untyped body.
        var document = Document("3.0.3", """{"description": "any", "allOf": [{"$ref": "#/components/schemas/B"}], "nullable": true}""");
        ((JsonObject)document["components"]!["schemas"]!["A"]!["properties"]!)["u"] = new JsonObject { ["description"] = "untyped" };
        ((JsonObject)document["components"]!["schemas"]!["A"]!["properties"]!)["r"] = new JsonObject { ["$ref"] = "#/components/schemas/B", ["description"] = "ignored in 3.0" };
        document["paths"] = JsonNode.Parse("""{"/a": {"get": {"responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"title": "Any"}}}}}}}}""");
        var before = document.DeepClone();

        var log = OpenApi31Downgrader.Downgrade(document);

        Assert.That(JsonNode.DeepEquals(document, before), Is.True, document.ToJsonString());
        Assert.That(log.IsEmpty, Is.True);
    }

    [Test]
    public void ParameterExamplesMapsAreNotSchemaExamples()
    {
        var document = Document("3.1.0", """{"type": "string"}""");
        var examples = JsonNode.Parse("""{"one": {"value": "x"}}""");
        document["paths"] = new JsonObject
        {
            ["/a"] = new JsonObject
            {
                ["get"] = new JsonObject
                {
                    ["parameters"] = new JsonArray(new JsonObject { ["name"] = "q", ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string" }, ["examples"] = examples!.DeepClone() }),
                    ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "ok" } },
                },
            },
        };

        OpenApi31Downgrader.Downgrade(document);

        Assert.That(JsonNode.DeepEquals(document["paths"]!["/a"]!["get"]!["parameters"]![0]!["examples"], examples), Is.True);
    }

    private static JsonObject Document(string version, string propertySchema) => JsonNode.Parse(
        "{\"openapi\": \"" + version + "\", \"info\": {\"title\": \"t\", \"version\": \"1\"}, \"paths\": {}, "
        + "\"components\": {\"schemas\": {\"A\": {\"type\": \"object\", \"properties\": {\"p\": " + propertySchema + "}}, "
        + "\"B\": {\"type\": \"object\"}}}}")!.AsObject();
}
