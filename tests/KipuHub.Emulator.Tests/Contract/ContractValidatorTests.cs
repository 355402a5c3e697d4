using System.Text;
using KipuHub.Contract.Validation;

namespace KipuHub.Emulator.Tests.Contract;

/// <summary>
/// The contract validator itself, on the real specs and on small documents: each OpenAPI 3.0.3 rule it is trusted
/// with (nullable, discriminator dispatch, enums, additionalProperties, formats, media types, statuses, path matching)
/// catches a violating exchange and lets a valid one pass.
/// </summary>
public sealed class ContractValidatorTests
{
    private static ContractValidator Specs => ContractValidator.Specs;

    [Test]
    public void A_valid_job_passes_and_a_wrongly_typed_field_is_reported_at_its_JSON_pointer()
    {
        Assert.That(Violations(Specs, Response("GET", "/quantum/jobs/j-1", 200, """{"id":"j-1","status":"COMPLETED","shots":100,"created_at":"2025-06-16T09:00:00Z"}""")), Is.Empty);

        var found = Violations(Specs, Response("GET", "/quantum/jobs/j-1", 200, """{"id":"j-1","status":"COMPLETED","shots":"100"}"""));

        Assert.That(found.Select(v => (v.Operation, v.Part, v.Pointer)), Is.EquivalentTo(new[] { ("quantum getJob", "response", "/shots") }));
    }

    [Test]
    public void Nullable_with_a_type_admits_null_and_a_property_without_nullable_does_not()
    {
        Assert.That(Violations(Specs, Response("GET", "/quantum/jobs/j-1", 200, """{"id":null,"name":null,"tags":null,"created_at":null}""")), Is.Empty);

        // Job.status is a $ref to the JobStatus enum without nullable: null is not a value of it.
        var found = Violations(Specs, Response("GET", "/quantum/jobs/j-1", 200, """{"id":"j-1","status":null}"""));

        Assert.That(found.Select(v => v.Pointer), Has.Member("/status"));
    }

    [Test]
    public void A_nullable_enum_admits_null_besides_its_values_and_nothing_else()
    {
        var validator = Document("""{"type":"object","properties":{"mode":{"type":"string","enum":["A","B"],"nullable":true}}}""");

        Assert.That(Violations(validator, Response("GET", "/t/thing", 200, """{"mode":null}""")), Is.Empty);
        Assert.That(Violations(validator, Response("GET", "/t/thing", 200, """{"mode":"A"}""")), Is.Empty);
        Assert.That(Violations(validator, Response("GET", "/t/thing", 200, """{"mode":"C"}""")).Select(v => v.Pointer), Is.EqualTo(new[] { "/mode" }));
    }

    [Test]
    public void Nullable_without_a_type_adds_nothing_as_OpenAPI_3_0_3_says()
    {
        // "A true value adds "null" to the allowed types specified by the type keyword, only if type is explicitly defined".
        var validator = Document("""{"type":"object","properties":{"any":{"nullable":true},"ref":{"allOf":[{"type":"object"}],"nullable":true}}}""");

        Assert.That(Violations(validator, Response("GET", "/t/thing", 200, """{"any":null}""")), Is.Empty, "no constraint at all: null is one of anything");
        Assert.That(Violations(validator, Response("GET", "/t/thing", 200, """{"ref":null}""")).Select(v => v.Pointer), Has.Member("/ref"));
    }

    [Test]
    public void A_value_outside_an_open_set_enum_is_a_violation_for_the_emulator()
    {
        // The SDK tolerates values the Hub adds later ("Open set" in the spec; extensible enums), but the emulator stands
        // for the documented Hub: a provider the enum does not list is a contract break, not a future value.
        var found = Violations(Specs, Response("GET", "/quantum/backends", 200, """[{"id":"aws.sim.sv1","provider":"NEW_CLOUD"}]"""));

        Assert.That(found.Select(v => (v.Pointer, v.Message.StartsWith("enum", StringComparison.Ordinal))), Is.EqualTo(new[] { ("/0/provider", true) }));
        Assert.That(Violations(Specs, Response("GET", "/quantum/backends", 200, """[{"id":"aws.sim.sv1","provider":"AWS"}]""")), Is.Empty);
    }

    [Test]
    public void The_discriminator_picks_the_variant_and_an_unmapped_value_is_checked_against_the_base_only()
    {
        const string Valid = """{"backend_id":"aws.sim.sv1","shots":10,"input":{"type":"AWS_SIM_SV1","value":"OPENQASM 3;"}}""";
        const string MissingValue = """{"backend_id":"aws.sim.sv1","shots":10,"input":{"type":"AWS_SIM_SV1"}}""";
        const string FutureVariant = """{"backend_id":"x","shots":10,"input":{"type":"SOMEONE_NEW","anything":1}}""";
        const string NoType = """{"backend_id":"x","shots":10,"input":{"value":"OPENQASM 3;"}}""";

        Assert.That(Violations(Specs, Request("POST", "/quantum/jobs", Valid, 201)), Is.Empty);
        Assert.That(Violations(Specs, Request("POST", "/quantum/jobs", MissingValue, 201)).Select(v => (v.Part, v.Pointer)), Is.EqualTo(new[] { ("request", "/input") }));
        Assert.That(Violations(Specs, Request("POST", "/quantum/jobs", FutureVariant, 201)), Is.Empty, "the specs promise an unknown type round-trips");
        Assert.That(Violations(Specs, Request("POST", "/quantum/jobs", NoType, 201)).Select(v => v.Pointer), Has.Member("/input"), "the base requires the discriminator");
    }

    [Test]
    public void A_null_or_scalar_union_member_fails_the_base_once_not_every_variant()
    {
        var found = Violations(Specs, Request("POST", "/quantum/jobs", """{"backend_id":"x","shots":10,"input":null}""", 201));

        Assert.That(found, Has.Count.EqualTo(1), string.Join("\n", found));
        Assert.That(found[0].Pointer, Is.EqualTo("/input"));
    }

    [Test]
    public void AdditionalProperties_false_refuses_an_extra_member_and_the_default_admits_it()
    {
        var closed = Document("""{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":false}""");
        var open = Document("""{"type":"object","properties":{"a":{"type":"string"}}}""");
        var typed = Document("""{"type":"object","additionalProperties":{"type":"integer"}}""");

        Assert.That(Violations(closed, Response("GET", "/t/thing", 200, """{"a":"x","b":1}""")).Select(v => v.Pointer), Is.EqualTo(new[] { "/b" }));
        Assert.That(Violations(open, Response("GET", "/t/thing", 200, """{"a":"x","b":1}""")), Is.Empty);
        Assert.That(Violations(typed, Response("GET", "/t/thing", 200, """{"n":1,"s":"x"}""")).Select(v => v.Pointer), Is.EqualTo(new[] { "/s" }));
    }

    [TestCase("2025-06-16T09:00:00Z", true)]
    [TestCase("2025-06-16T09:00:00.123+02:00", true)]
    [TestCase("2025-06-16", false)]
    [TestCase("yesterday", false)]
    public void Date_time_is_asserted_as_RFC_3339(string value, bool valid)
    {
        var found = Violations(Specs, Response("GET", "/quantum/jobs/j-1", 200, $$"""{"id":"j-1","created_at":"{{value}}"}"""));

        Assert.That(found, valid ? Is.Empty : Has.Count.EqualTo(1));
    }

    [Test]
    public void The_response_media_type_must_be_declared_and_a_wildcard_declaration_takes_any()
    {
        var octets = Response("GET", "/quantum/jobs/j-1/result-stream", 200, "abc", "text/csv");
        var wildcard = Document("""{"type":"string","format":"binary"}""", mediaType: "*/*");

        Assert.That(Violations(Specs, octets).Select(v => v.Message), Has.One.StartsWith("Content-Type 'text/csv' is not declared"));
        Assert.That(Violations(Specs, octets with { ResponseContentType = "application/octet-stream" }), Is.Empty);
        Assert.That(Violations(wildcard, Response("GET", "/t/thing", 200, "a,b", "text/csv")), Is.Empty);
    }

    [Test]
    public void A_JSON_response_that_is_not_JSON_is_a_violation()
    {
        var found = Violations(Specs, Response("GET", "/quantum/jobs/j-1", 200, """{"id":"j-1"<<"""));

        Assert.That(found.Select(v => v.Message), Has.One.StartsWith("the body is not JSON"));
    }

    [Test]
    public void An_undeclared_status_is_a_violation_unless_it_comes_from_the_infrastructure()
    {
        Assert.That(Violations(Specs, Response("GET", "/quantum/jobs/j-1", 202, "{}")).Select(v => v.Part), Is.EqualTo(new[] { "status" }));
        Assert.That(Violations(Specs, Response("GET", "/quantum/jobs/j-1", 418, "{}")).Select(v => v.Part), Is.EqualTo(new[] { "status" }));

        var limited = Specs.Validate(Response("GET", "/quantum/jobs/j-1", 429, "{}"));

        Assert.That((limited.NotJudged, limited.Violations.Count), Is.EqualTo(("undeclared status 429", 0)));
    }

    [Test]
    public void A_bad_request_body_the_emulator_rejects_is_reported_apart_and_one_it_accepts_is_a_violation()
    {
        const string Bad = """{"backend_id":"x","shots":-1,"input":{"type":"AZURE_IONQ_SIMULATOR"}}""";

        var rejected = Specs.Validate(Request("POST", "/quantum/jobs", Bad, 422));
        var accepted = Specs.Validate(Request("POST", "/quantum/jobs", Bad, 201));

        Assert.That((rejected.Violations.Count, rejected.RejectedRequestViolations.Count > 0), Is.EqualTo((0, true)));
        Assert.That(accepted.Violations.Select(v => v.Part).Distinct(), Is.EqualTo(new[] { "request" }));
        Assert.That(accepted.Violations.Select(v => v.Pointer), Has.Member("/shots"), "minimum: 0");
    }

    [Test]
    public void A_required_body_that_is_missing_and_a_body_of_an_undeclared_media_type_are_violations()
    {
        var missing = Specs.Validate(new HttpExchange("POST", "/quantum/jobs", null, ReadOnlyMemory<byte>.Empty, 201, "application/json", Encoding.UTF8.GetBytes("{}")));
        var text = Specs.Validate(new HttpExchange("POST", "/quantum/jobs", "text/plain", Encoding.UTF8.GetBytes("hi"), 201, "application/json", Encoding.UTF8.GetBytes("{}")));

        Assert.That(missing.Violations.Select(v => v.Message), Has.One.StartsWith("the request body is required"));
        Assert.That(text.Violations.Select(v => v.Message), Has.One.StartsWith("Content-Type 'text/plain' is not one the requestBody declares"));
    }

    [Test]
    public void Paths_match_their_operation_concrete_before_templated_with_the_base_path_of_each_API()
    {
        Assert.That(Specs.FindOperation("GET", "/quantum/jobs/j-1"), Is.EqualTo("quantum getJob"));
        Assert.That(Specs.FindOperation("GET", "/quantum/jobs/j-1/result"), Is.EqualTo("quantum getJobResult"));
        Assert.That(Specs.FindOperation("GET", "/gateway/kipu-demo/echo/1.0.0/abc/log"), Is.EqualTo("service getLogs"));
        Assert.That(Specs.FindOperation("DELETE", "/quantum/backends"), Is.Null, "no such method");
        Assert.That(Specs.FindOperation("GET", "/jobs/j-1"), Is.Null, "outside every base path");

        var validator = Document("""{"type":"object"}""", extraPath: "/thing/{id}");

        Assert.That(validator.FindOperation("GET", "/t/thing"), Is.EqualTo("t getThing"));
        Assert.That(validator.FindOperation("GET", "/t/thing/7"), Is.EqualTo("t getThingById"));
    }

    [Test]
    public void A_path_no_spec_has_is_not_judged_unless_it_succeeds()
    {
        Assert.That(Specs.Validate(Response("GET", "/nowhere", 404, "{}")).Violations, Is.Empty);
        Assert.That(Specs.Validate(Response("GET", "/nowhere", 200, "{}")).Violations.Select(v => v.Part), Is.EqualTo(new[] { "status" }));
    }

    [Test]
    public void A_keyword_the_converter_does_not_know_fails_loudly_instead_of_being_skipped()
    {
        var validator = Document("""{"type":"object","notAKeyword":true}""");

        Assert.That(() => validator.Validate(Response("GET", "/t/thing", 200, "{}")), Throws.Exception.Message.Contains("notAKeyword"));
    }

    private static IReadOnlyList<ContractViolation> Violations(ContractValidator validator, HttpExchange exchange) => validator.Validate(exchange).Violations;

    private static HttpExchange Response(string method, string path, int status, string body, string mediaType = "application/json") =>
        new(method, path, null, ReadOnlyMemory<byte>.Empty, status, mediaType, Encoding.UTF8.GetBytes(body));

    private static HttpExchange Request(string method, string path, string body, int status) =>
        new(method, path, "application/json; charset=utf-8", Encoding.UTF8.GetBytes(body), status, "application/json", Encoding.UTF8.GetBytes("{}"));

    /// <summary>A one-operation spec at <c>/t</c>: GET /thing answers 200 with <paramref name="schema"/>.</summary>
    private static ContractValidator Document(string schema, string mediaType = "application/json", string? extraPath = null)
    {
        const string ThingById = """, "{path}": {"get": {"operationId": "getThingById", "responses": {"200": {"description": "ok"}}}}""";
        const string Template = """
            {"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
             "paths": {"/thing": {"get": {"operationId": "getThing", "responses": {"200": {"description": "ok",
               "content": {"{mediaType}": {"schema": {schema}}}}}}}{extra}}}
            """;
        var json = Template.Replace("{mediaType}", mediaType, StringComparison.Ordinal)
            .Replace("{schema}", schema, StringComparison.Ordinal)
            .Replace("{extra}", extraPath is null ? string.Empty : ThingById.Replace("{path}", extraPath, StringComparison.Ordinal), StringComparison.Ordinal);
        return ContractValidator.FromDocuments([("t", "/t", json)]);
    }
}
