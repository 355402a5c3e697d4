using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using KipuHub.Emulator;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KipuHub.IntegrationTests.Adversarial;

/// <summary>The real responses the corpus is derived from, one per kind of body a facade call family reads.</summary>
internal enum BodyKind
{
    Job,
    JobCreated,
    JobStatus,
    JobResult,
    ResultStream,
    Backends,
    JobsPage,
    Session,
    ServiceExecution,
    ServiceResultFile,
    ServicesPage,
}

/// <summary>What a case demands beyond "a value or a documented exception, in time, without the canary".</summary>
[Flags]
internal enum Expectation
{
    None = 0,

    /// <summary>The body is not one complete JSON document: a call that parses it must fail, not return a value.</summary>
    JsonMustFail = 1,

    /// <summary>The bytes a download can decode are a strict prefix of the real content: saving them as complete is silent garbage.</summary>
    ContentIsCut = 2,

    /// <summary>The body stalls: the call must end by a timeout (keeps the case in the slow lane).</summary>
    Stall = 4,
}

/// <summary>One real response recorded from the emulator: where it is served (relative to its API's base URL) and its bytes.</summary>
internal sealed record BaseResponse(BodyKind Kind, string Method, string Path, int Status, string ContentType, byte[] Body)
{
    public string Key => Method + " " + Path;

    public string Text => Encoding.UTF8.GetString(Body);

    public RawResponse ToRaw() => new()
    {
        Status = Status,
        Reason = ReasonOf(Status),
        Headers = [new("Content-Type", ContentType), new("X-Request-Id", "req-adversarial-1")],
        Body = Body,
    };

    public static string ReasonOf(int status) => status switch
    {
        200 => "OK", 201 => "Created", 202 => "Accepted", 204 => "No Content", 301 => "Moved Permanently", 302 => "Found", 304 => "Not Modified",
        400 => "Bad Request", 401 => "Unauthorized", 403 => "Forbidden", 404 => "Not Found", 409 => "Conflict", 422 => "Unprocessable Entity",
        429 => "Too Many Requests", 500 => "Internal Server Error", 502 => "Bad Gateway", 503 => "Service Unavailable", 504 => "Gateway Timeout",
        _ => "Status",
    };
}

internal sealed record AdversarialCase(string Group, string Name, BodyKind Kind, RawResponse Response, Expectation Expect = Expectation.None, byte[]? IntactContent = null)
{
    public override string ToString() => $"{Group}/{Kind}/{Name}";
}

/// <summary>The recorded baseline: ids of the real resources and one real response per <see cref="BodyKind"/>.</summary>
internal sealed class Baseline
{
    public required string JobId { get; init; }

    public required string SessionId { get; init; }

    public required string ExecutionId { get; init; }

    public const string ResultFileName = "output.json";

    public required IReadOnlyDictionary<BodyKind, BaseResponse> Responses { get; init; }

    /// <summary>Requests the facade makes besides the one under test (the final GET of a wait, ...) get their real answer.</summary>
    public IReadOnlyDictionary<string, BaseResponse> ByKey => Responses.Values.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.First());

    public static async Task<Baseline> RecordAsync(KipuHubEmulator hub, CancellationToken ct)
    {
        using var quantum = hub.CreateQuantumHttpClient();
        using var service = hub.CreateServiceHttpClient("echo");
        using var platform = hub.CreatePlatformHttpClient();
        var responses = new Dictionary<BodyKind, BaseResponse>();

        async Task<BaseResponse> Record(HttpClient client, BodyKind kind, HttpMethod method, string path, object? body = null, string? servedPath = null)
        {
            using var request = new HttpRequestMessage(method, path);
            if (body is not null) request.Content = new StringContent(JsonConvert.SerializeObject(body), Encoding.UTF8, "application/json");
            using var response = await client.SendAsync(request, ct).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"emulator {method} {path}: {(int)response.StatusCode} {Encoding.UTF8.GetString(bytes)}");
            var type = response.Content.Headers.ContentType?.ToString() ?? "application/json";
            var recorded = new BaseResponse(kind, method.Method, servedPath ?? path.Split('?')[0], (int)response.StatusCode, type, bytes);
            responses[kind] = recorded;
            return recorded;
        }

        // Three jobs, so the jobs list has more than one page of two.
        string? jobId = null;
        BaseResponse? created = null;
        for (var i = 0; i < 3; i++)
        {
            created = await Record(quantum, BodyKind.JobCreated, HttpMethod.Post, "jobs", Circuits.Bell(shots: 100));
            jobId ??= JObject.Parse(created.Text)["id"]!.ToString();
        }

        for (var i = 0; i < 200; i++)
        {
            var status = await Record(quantum, BodyKind.JobStatus, HttpMethod.Get, $"jobs/{jobId}/status");
            if (status.Text.Contains("COMPLETED", StringComparison.Ordinal)) break;
            await Task.Delay(20, ct).ConfigureAwait(false);
        }

        // The first submission's answer is the JobCreated body (its id is the one every call uses).
        responses[BodyKind.JobCreated] = created! with { Body = Encoding.UTF8.GetBytes(JObject.Parse(created!.Text).Tap(o => o["id"] = jobId).ToString(Formatting.None)) };
        var job = await Record(quantum, BodyKind.Job, HttpMethod.Get, $"jobs/{jobId}");
        if (JObject.Parse(job.Text)["input"] is null)
        {
            // The union under test: give the job its input back as the Hub's full representation does.
            var withInput = JObject.Parse(job.Text);
            withInput["input"] = JObject.Parse(JsonConvert.SerializeObject(Circuits.Bell().Input));
            responses[BodyKind.Job] = job with { Body = Encoding.UTF8.GetBytes(withInput.ToString(Formatting.None)) };
        }

        await Record(quantum, BodyKind.JobResult, HttpMethod.Get, $"jobs/{jobId}/result");
        await Record(quantum, BodyKind.ResultStream, HttpMethod.Get, $"jobs/{jobId}/result-stream");
        await Record(quantum, BodyKind.Backends, HttpMethod.Get, "backends");
        await Record(quantum, BodyKind.JobsPage, HttpMethod.Get, "jobs?page=0&size=2");
        var session = await Record(quantum, BodyKind.Session, HttpMethod.Post, "sessions", new JObject { ["backend_id"] = "aws.sim.sv1", ["mode"] = "batch", ["provider"] = "AWS" });
        var sessionId = JObject.Parse(session.Text)["id"]!.ToString();
        await Record(quantum, BodyKind.Session, HttpMethod.Get, $"sessions/{sessionId}");

        var started = await Record(service, BodyKind.ServiceExecution, HttpMethod.Post, "", new JObject { ["input"] = new JObject { ["molecule"] = "H2" } });
        var executionId = JObject.Parse(started.Text)["id"]!.ToString();
        for (var i = 0; i < 200; i++)
        {
            var status = await Record(service, BodyKind.ServiceExecution, HttpMethod.Get, executionId);
            if (status.Text.Contains("SUCCEEDED", StringComparison.Ordinal)) break;
            await Task.Delay(20, ct).ConfigureAwait(false);
        }

        await Record(service, BodyKind.ServiceResultFile, HttpMethod.Get, $"{executionId}/result/{ResultFileName}");
        await Record(platform, BodyKind.ServicesPage, HttpMethod.Get, "services?page=0&size=10");

        return new Baseline { JobId = jobId!, SessionId = sessionId, ExecutionId = executionId, Responses = responses };
    }
}

internal static class JsonTap
{
    public static T Tap<T>(this T value, Action<T> action)
    {
        action(value);
        return value;
    }
}

/// <summary>Derives the adversarial cases from the baseline. Deterministic: the only randomness is a seeded choice of fields.</summary>
internal static class CorpusBuilder
{
    public const int Seed = 20240612;
    private const int MaxFieldPathsPerKind = 10;

    /// <summary>Kinds that get the full status and canary matrices (one per API, plus the streamed download).</summary>
    private static readonly BodyKind[] Representative = [BodyKind.Job, BodyKind.ResultStream, BodyKind.ServiceExecution, BodyKind.ServicesPage];

    public static List<AdversarialCase> Build(Baseline baseline)
    {
        var cases = new List<AdversarialCase>();
        var random = new Random(Seed);
        foreach (var (kind, response) in baseline.Responses.OrderBy(p => p.Key))
        {
            var raw = response.ToRaw();
            var body = response.Body;
            var full = Representative.Contains(kind);
            cases.AddRange(FieldMutations(kind, raw, JToken.Parse(response.Text), random));
            cases.AddRange(RootMutations(kind, raw, JToken.Parse(response.Text)));
            if (kind is BodyKind.Job or BodyKind.JobCreated) cases.AddRange(UnionMutations(kind, raw, JObject.Parse(response.Text)));
            if (kind is BodyKind.ServicesPage) cases.AddRange(PlatformUnionMutations(kind, raw, JObject.Parse(response.Text)));
            cases.AddRange(Truncations(kind, raw, body));
            cases.AddRange(Encodings(kind, raw, body));
            cases.AddRange(Trailing(kind, raw, body));
            cases.AddRange(Transport(kind, raw, body, full));
            cases.AddRange(Sizes(kind, raw, body, full));
            cases.AddRange(Statuses(kind, raw, full));
            cases.AddRange(CanaryEcho(kind, raw, full));
        }

        return cases;
    }

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    private static RawResponse WithBody(RawResponse raw, byte[] body) => raw with { Body = body };

    private static RawResponse WithContentType(RawResponse raw, string? contentType)
    {
        var r = raw.WithoutHeader("Content-Type");
        return contentType is null ? r : r.WithHeader("Content-Type", contentType);
    }

    /// <summary>Inserts <paramref name="member"/> ("\"name\":value,") right after the first '{' of the body (root object or first array element).</summary>
    private static byte[] InsertMember(byte[] body, byte[] member)
    {
        var at = Array.IndexOf(body, (byte)'{');
        if (at < 0) return Concat(member.Take(member.Length - 1).ToArray(), body); // not an object: the member text then the body (garbage either way)
        var closing = Array.IndexOf(body, (byte)'}', at);
        var empty = body.Skip(at + 1).SkipWhile(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t').FirstOrDefault() == (byte)'}';
        var insert = empty ? member.Take(member.Length - 1).ToArray() : member;
        return Concat(body[..(at + 1)], insert, body[(at + 1)..]);
    }

    // ---- field mutations: every field (up to a seeded sample per kind), every kind of wrong value ----------------------

    private static readonly (string Name, Func<JToken, JToken?> Replace)[] ValueMutations =
    [
        ("null", _ => JValue.CreateNull()),
        ("string", _ => new JValue("adversarial")),
        ("empty-string", _ => new JValue("")),
        ("number", _ => new JValue(123456789)),
        ("negative", _ => new JValue(-1)),
        ("float", _ => new JValue(3.75)),
        ("bool", _ => new JValue(true)),
        ("object", _ => new JObject { ["x"] = 1, ["y"] = new JArray("a") }),
        ("array", _ => new JArray(1, "a", JValue.CreateNull())),
        ("huge-number", _ => new JRaw("1" + new string('0', 400))),
        ("huge-exponent", _ => new JRaw("1e400")),
        ("unknown-enum", t => t.Type == JTokenType.String ? new JValue("__UNKNOWN_VALUE_FROM_THE_FUTURE__") : null),
        ("canary-raw", _ => new JValue(Canary.Raw)),
        ("canary-json-escaped", _ => new JRaw("\"" + Canary.JsonPunctuationEscaped + "\"")),
        ("canary-all-escaped", _ => new JRaw("\"" + Canary.JsonAllEscaped + "\"")),
    ];

    private static IEnumerable<AdversarialCase> FieldMutations(BodyKind kind, RawResponse raw, JToken root, Random random)
    {
        var paths = new List<string>();
        void Walk(JToken token, int depth)
        {
            if (depth > 3) return;
            switch (token)
            {
                case JObject o:
                    foreach (var p in o.Properties())
                    {
                        paths.Add(p.Value.Path);
                        Walk(p.Value, depth + 1);
                    }

                    break;
                case JArray a when a.Count > 0:
                    paths.Add(a[0].Path);
                    Walk(a[0], depth + 1);
                    break;
            }
        }

        Walk(root, 0);
        paths = paths.Distinct().OrderBy(p => p, StringComparer.Ordinal).ToList();
        if (paths.Count > MaxFieldPathsPerKind)
        {
            // Keep the status/type/id-like fields, sample the rest with the seed.
            var key = paths.Where(p => p.EndsWith("status", StringComparison.Ordinal) || p.EndsWith("type", StringComparison.Ordinal) || p.EndsWith("id", StringComparison.Ordinal) || p.Contains("total", StringComparison.OrdinalIgnoreCase)).Take(MaxFieldPathsPerKind / 2).ToList();
            var rest = paths.Except(key).OrderBy(_ => random.Next()).Take(MaxFieldPathsPerKind - key.Count);
            paths = key.Concat(rest).OrderBy(p => p, StringComparer.Ordinal).ToList();
        }

        foreach (var path in paths)
        {
            var label = path.Length == 0 ? "$" : path;
            {
                var copy = root.DeepClone();
                var target = copy.SelectToken(path)!;
                if (target.Parent is JProperty property) property.Remove();
                else target.Remove();
                yield return new AdversarialCase("fields", $"{label}:remove", kind, WithBody(raw, Utf8(copy.ToString(Formatting.None))));
            }

            foreach (var (name, replace) in ValueMutations)
            {
                var copy = root.DeepClone();
                var target = copy.SelectToken(path)!;
                var value = replace(target);
                if (value is null) continue;
                target.Replace(value);
                yield return new AdversarialCase("fields", $"{label}:{name}", kind, WithBody(raw, Utf8(copy.ToString(Formatting.None))));
            }
        }
    }

    private static IEnumerable<AdversarialCase> RootMutations(BodyKind kind, RawResponse raw, JToken root)
    {
        var text = root.ToString(Formatting.None);
        yield return new("root", "null", kind, WithBody(raw, Utf8("null")));
        yield return new("root", "empty-object", kind, WithBody(raw, Utf8("{}")));
        yield return new("root", "empty-array", kind, WithBody(raw, Utf8("[]")));
        yield return new("root", "string", kind, WithBody(raw, Utf8("\"adversarial\"")));
        yield return new("root", "canary-string", kind, WithBody(raw, Utf8("\"" + Canary.JsonPunctuationEscaped + "\"")));
        yield return new("root", "number", kind, WithBody(raw, Utf8("42")));
        yield return new("root", "bool", kind, WithBody(raw, Utf8("true")));
        yield return new("root", "wrapped-in-array", kind, WithBody(raw, Utf8("[" + text + "]")));
        yield return new("root", "wrapped-in-object", kind, WithBody(raw, Utf8("{\"data\":" + text + "}")));
        yield return new("root", "unknown-extra-fields", kind, WithBody(raw, InsertMember(raw.Body, Utf8("\"zz_unknown\":{\"nested\":[1,{\"a\":null}],\"n\":1e308},\"zz_unknown_2\":[true,false],"))));
        yield return new("root", "unknown-extra-field-canary", kind, WithBody(raw, InsertMember(raw.Body, Utf8("\"zz_token\":\"" + Canary.JsonPunctuationEscaped + "\","))));
        yield return new("root", "duplicate-keys", kind, WithBody(raw, InsertMember(raw.Body, Utf8("\"id\":{\"dup\":true},\"status\":[\"dup\"],"))));
    }

    private static IEnumerable<AdversarialCase> UnionMutations(BodyKind kind, RawResponse raw, JObject job)
    {
        if (job["input"] is not JObject) yield break;
        (string Name, Action<JObject> Mutate)[] mutations =
        [
            ("type-object", i => i["type"] = new JObject { ["a"] = 1 }),
            ("type-array", i => i["type"] = new JArray("AZURE_IONQ_SIMULATOR")),
            ("type-number", i => i["type"] = 7),
            ("type-huge-number", i => i["type"] = new JRaw("1" + new string('9', 60))),
            ("type-bool", i => i["type"] = false),
            ("type-null", i => i["type"] = JValue.CreateNull()),
            ("type-empty", i => i["type"] = ""),
            ("type-missing", i => i.Remove("type")),
            ("type-unknown", i => i["type"] = "QUANTUM_TOASTER_9000"),
            ("type-canary", i => i["type"] = Canary.Raw),
            ("type-other-variant", i => i["type"] = "AWS_SIM_SV1"),
            ("input-string", i => i.Replace(new JValue("OPENQASM 3.0;"))),
            ("input-array", i => i.Replace(new JArray(new JObject { ["type"] = "AZURE_IONQ_SIMULATOR" }))),
        ];
        foreach (var (name, mutate) in mutations)
        {
            var copy = (JObject)job.DeepClone();
            mutate((JObject)copy["input"]!);
            yield return new("union", name, kind, WithBody(raw, Utf8(copy.ToString(Formatting.None))));
        }
    }

    /// <summary>
    /// The unions the SDK reads from responses: a Platform service version's <c>configurations[]</c>
    /// (ResourceConfiguration) and <c>source</c> (ServiceSource), both keyed by <c>type</c>.
    /// </summary>
    private static IEnumerable<AdversarialCase> PlatformUnionMutations(BodyKind kind, RawResponse raw, JObject page)
    {
        if (page["content"] is not JArray { Count: > 0 }) yield break;
        (string Name, Func<JToken?> Type)[] types =
        [
            ("type-object", () => new JObject { ["a"] = 1 }),
            ("type-array", () => new JArray("CpuConfiguration")),
            ("type-number", () => 7),
            ("type-huge-number", () => new JRaw("1" + new string('9', 60))),
            ("type-bool", () => false),
            ("type-null", () => JValue.CreateNull()),
            ("type-empty", () => ""),
            ("type-missing", () => null),
            ("type-unknown", () => "QuantumToasterConfiguration"),
            ("type-canary", () => Canary.Raw),
            ("type-canary-escaped", () => new JRaw("\"" + Canary.JsonPunctuationEscaped + "\"")),
        ];
        foreach (var where in new[] { "configurations", "source" })
        {
            foreach (var (name, type) in types)
            {
                var copy = (JObject)page.DeepClone();
                var variant = where == "source" ? new JObject { ["fileName"] = "app.zip" } : new JObject { ["amount"] = 2, ["unit"] = "CORES" };
                if (type() is { } t) variant["type"] = t;
                var definition = new JObject { ["id"] = "def-adversarial", ["name"] = "v1" };
                definition[where] = where == "source" ? variant : new JArray(variant);
                copy["content"]![0]!["serviceDefinitions"] = new JArray(definition);
                yield return new("union", $"service-definition-{where}-{name}", kind, WithBody(raw, Utf8(copy.ToString(Formatting.None))));
            }
        }
    }

    // ---- truncations ----------------------------------------------------------------------------------------------------

    private static IEnumerable<AdversarialCase> Truncations(BodyKind kind, RawResponse raw, byte[] body)
    {
        var offsets = new[] { 0, 1, body.Length / 10, body.Length / 2, body.Length * 9 / 10, body.Length - 1 }.Where(o => o >= 0 && o < body.Length).Distinct();
        foreach (var offset in offsets)
        {
            // A complete HTTP message whose JSON is cut: a parse must fail; a download cannot know.
            yield return new("truncation", $"cut-at-{offset}-honest-length", kind, WithBody(raw, body[..offset]), Expectation.JsonMustFail);
            // The server promised the whole body and closed early: every family must fail.
            yield return new("truncation", $"cut-at-{offset}-then-close", kind, raw with { ContentLength = body.Length, Delivery = Delivery.CloseAfter, SendBytes = offset }, Expectation.JsonMustFail | Expectation.ContentIsCut, body);
        }
    }

    // ---- encodings and charsets -----------------------------------------------------------------------------------------

    private static byte[] Gzip(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(data);
        return ms.ToArray();
    }

    private static byte[] Deflate(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var z = new ZLibStream(ms, CompressionLevel.Optimal, leaveOpen: true)) z.Write(data);
        return ms.ToArray();
    }

    private static IEnumerable<AdversarialCase> Encodings(BodyKind kind, RawResponse raw, byte[] body)
    {
        var text = Encoding.UTF8.GetString(body);
        var mediaType = MediaTypeHeaderValue.Parse(raw.ContentType ?? "application/json").MediaType ?? "application/json";
        yield return new("encoding", "utf8-bom", kind, WithBody(raw, Concat([0xEF, 0xBB, 0xBF], body)));
        yield return new("encoding", "utf16le-bom-charset-utf16", kind, WithContentType(WithBody(raw, Concat(Encoding.Unicode.GetPreamble(), Encoding.Unicode.GetBytes(text))), $"{mediaType}; charset=utf-16"));
        yield return new("encoding", "utf16le-no-bom-charset-utf16le", kind, WithContentType(WithBody(raw, Encoding.Unicode.GetBytes(text)), $"{mediaType}; charset=utf-16le"));
        yield return new("encoding", "utf16be-bom-no-charset", kind, WithContentType(WithBody(raw, Concat(Encoding.BigEndianUnicode.GetPreamble(), Encoding.BigEndianUnicode.GetBytes(text))), mediaType));
        yield return new("encoding", "utf16le-labelled-utf8", kind, WithContentType(WithBody(raw, Encoding.Unicode.GetBytes(text)), $"{mediaType}; charset=utf-8"));
        yield return new("encoding", "latin1-byte-in-string", kind, WithBody(raw, InsertMember(body, Concat(Utf8("\"zz_latin1\":\"caf"), [0xE9], Utf8("\",")))));
        yield return new("encoding", "invalid-utf8-sequence", kind, WithBody(raw, InsertMember(body, Concat(Utf8("\"zz_bad\":\""), [0xC3, 0x28, 0xFF, 0xFE], Utf8("\",")))));
        yield return new("encoding", "charset-latin1-utf8-bytes", kind, WithContentType(WithBody(raw, InsertMember(body, Utf8("\"zz_utf8\":\"café ✓\","))), $"{mediaType}; charset=iso-8859-1"));
        yield return new("encoding", "charset-bogus", kind, WithContentType(raw, $"{mediaType}; charset=bogus-charset-42"));
        yield return new("encoding", "charset-quoted", kind, WithContentType(raw, $"{mediaType}; charset=\"utf-8\""));
        yield return new("encoding", "charset-empty", kind, WithContentType(raw, $"{mediaType}; charset="));
        yield return new("encoding", "content-type-html", kind, WithContentType(raw, "text/html; charset=utf-8"));
        yield return new("encoding", "content-type-missing", kind, WithContentType(raw, null));
        yield return new("encoding", "content-type-garbage", kind, WithContentType(raw, ";;;=/"));
        foreach (var coding in new[] { "gzip", "deflate", "br", "gzip, br", "x-unknown-coding" })
        {
            yield return new("encoding", $"content-encoding-{coding.Replace(", ", "+")}-not-compressed", kind, raw.WithHeader("Content-Encoding", coding));
        }

        var gz = Gzip(body);
        yield return new("encoding", "gzip-honest", kind, WithBody(raw, gz).WithHeader("Content-Encoding", "gzip"));
        yield return new("encoding", "deflate-honest", kind, WithBody(raw, Deflate(body)).WithHeader("Content-Encoding", "deflate"));
        yield return new("encoding", "gzip-cut-short-honest-length", kind, WithBody(raw, gz[..(gz.Length / 2)]).WithHeader("Content-Encoding", "gzip"), Expectation.JsonMustFail | Expectation.ContentIsCut, body);
        yield return new("encoding", "gzip-cut-short-then-close", kind, (WithBody(raw, gz) with { Delivery = Delivery.CloseAfter, SendBytes = gz.Length / 2 }).WithHeader("Content-Encoding", "gzip"), Expectation.JsonMustFail | Expectation.ContentIsCut, body);
        if (body.Length > 4)
        {
            // Two gzip members, the second never sent: the first decodes cleanly, so only Content-Length can tell it is incomplete.
            var first = Gzip(body[..(body.Length / 2)]);
            yield return new("encoding", "gzip-cut-at-member-boundary", kind, WithBody(raw, first).WithHeader("Content-Encoding", "gzip"), Expectation.JsonMustFail | Expectation.ContentIsCut, body);
        }
    }

    // ---- content after a complete JSON document -------------------------------------------------------------------------

    private static IEnumerable<AdversarialCase> Trailing(BodyKind kind, RawResponse raw, byte[] body)
    {
        yield return new("trailing", "html-after-json", kind, WithBody(raw, Concat(body, Utf8("<html><body>502 Bad Gateway</body></html>"))), Expectation.JsonMustFail);
        yield return new("trailing", "two-documents", kind, WithBody(raw, Concat(body, body)), Expectation.JsonMustFail);
        yield return new("trailing", "two-documents-newline", kind, WithBody(raw, Concat(body, Utf8("\n"), body)), Expectation.JsonMustFail);
        yield return new("trailing", "garbage-word", kind, WithBody(raw, Concat(body, Utf8("garbage"))), Expectation.JsonMustFail);
        yield return new("trailing", "extra-closing-brace", kind, WithBody(raw, Concat(body, Utf8("}"))), Expectation.JsonMustFail);
        yield return new("trailing", "nul-byte", kind, WithBody(raw, Concat(body, [0])), Expectation.JsonMustFail);
        yield return new("trailing", "whitespace-only", kind, WithBody(raw, Concat(body, Utf8(" \r\n\t "))));
    }

    // ---- transport: Content-Length, chunking, resets, stalls ------------------------------------------------------------

    private static byte[] Chunked(byte[] body, int chunk)
    {
        var parts = new List<byte[]>();
        for (var i = 0; i < body.Length; i += chunk)
        {
            var n = Math.Min(chunk, body.Length - i);
            parts.Add(Utf8(n.ToString("x") + "\r\n"));
            parts.Add(body[i..(i + n)]);
            parts.Add(Utf8("\r\n"));
        }

        parts.Add(Utf8("0\r\n\r\n"));
        return Concat([.. parts]);
    }

    private static IEnumerable<AdversarialCase> Transport(BodyKind kind, RawResponse raw, byte[] body, bool full)
    {
        var half = body.Length / 2;
        yield return new("transport", "content-length-larger-then-close", kind, raw with { ContentLength = body.Length + 10 }, Expectation.JsonMustFail | Expectation.ContentIsCut, body);
        yield return new("transport", "content-length-smaller", kind, raw with { ContentLength = Math.Max(0, body.Length - 5) }, Expectation.JsonMustFail);
        yield return new("transport", "no-content-length-close-delimited", kind, raw with { ContentLength = -1 });
        yield return new("transport", "chunked", kind, WithBody(raw, Chunked(body, 7)).WithHeader("Transfer-Encoding", "chunked"));
        yield return new("transport", "chunked-bad-size", kind, WithBody(raw, Concat(Utf8("zz\r\n"), body)).WithHeader("Transfer-Encoding", "chunked"), Expectation.JsonMustFail | Expectation.ContentIsCut, body);
        yield return new("transport", "chunked-no-terminator", kind, WithBody(raw, Chunked(body, 7)[..^5]).WithHeader("Transfer-Encoding", "chunked"), Expectation.JsonMustFail | Expectation.ContentIsCut, body);
        yield return new("transport", "reset-after-headers", kind, raw with { Delivery = Delivery.ResetAfter, SendBytes = 0 }, Expectation.JsonMustFail | Expectation.ContentIsCut, body);
        yield return new("transport", "reset-mid-body", kind, raw with { Delivery = Delivery.ResetAfter, SendBytes = half }, Expectation.JsonMustFail | Expectation.ContentIsCut, body);

        // Stalls: few, every one costs a client timeout.
        yield return new("stall", "headers-then-nothing", kind, raw with { Delivery = Delivery.StallAfter, SendBytes = 0 }, Expectation.Stall | Expectation.JsonMustFail | Expectation.ContentIsCut, body);
        if (full || kind is BodyKind.JobStatus)
        {
            yield return new("stall", "half-body-then-nothing", kind, raw with { Delivery = Delivery.StallAfter, SendBytes = half }, Expectation.Stall | Expectation.JsonMustFail | Expectation.ContentIsCut, body);
            var error = new RawResponse { Status = 500, Reason = "Internal Server Error", Headers = [new("Content-Type", "application/json")], Body = Utf8("{\"message\":\"the server is failing slowly, very slowly\",\"code\":500}") };
            yield return new("stall", "error-body-half-then-nothing", kind, error with { Delivery = Delivery.StallAfter, SendBytes = 10 }, Expectation.Stall);
        }
    }

    // ---- size: 20 MB and 10,000 levels ----------------------------------------------------------------------------------

    private static IEnumerable<AdversarialCase> Sizes(BodyKind kind, RawResponse raw, byte[] body, bool full)
    {
        var padding = new string('x', 20 * 1024 * 1024);
        if (full) yield return new("size", "oversized-20MB-string-field", kind, WithBody(raw, InsertMember(body, Utf8("\"zz_padding\":\"" + padding + "\","))));
        var deepArray = new string('[', 10_000) + new string(']', 10_000);
        yield return new("size", "deep-nesting-10000-arrays-in-field", kind, WithBody(raw, InsertMember(body, Utf8("\"zz_deep\":" + deepArray + ","))));
        var deepObject = string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000);
        yield return new("size", "deep-nesting-10000-objects-as-body", kind, WithBody(raw, Utf8(deepObject)));
    }

    // ---- statuses 200-599 with JSON / text / HTML / empty bodies --------------------------------------------------------

    private static readonly int[] AllStatuses = [200, 201, 202, 203, 204, 205, 206, 226, 299, 300, 301, 302, 303, 304, 307, 308, 400, 401, 402, 403, 404, 405, 406, 408, 409, 410, 412, 413, 415, 418, 422, 429, 431, 451, 499, 500, 501, 502, 503, 504, 507, 511, 599];
    private static readonly int[] FewStatuses = [200, 204, 302, 401, 404, 409, 429, 500, 503, 599];

    private static IEnumerable<AdversarialCase> Statuses(BodyKind kind, RawResponse raw, bool full)
    {
        var bodies = new (string Name, string? ContentType, byte[] Body)[]
        {
            ("json-error", "application/json", Utf8("{\"message\":\"adversarial failure\",\"error\":\"E_ADV\",\"request_id\":\"r-1\"}")),
            ("text", "text/plain; charset=utf-8", Utf8("upstream said no")),
            ("html", "text/html", Utf8("<!DOCTYPE html><html><head><title>Error</title></head><body><h1>Oops</h1></body></html>")),
            ("empty", null, []),
        };
        var statuses = full ? AllStatuses : FewStatuses;
        foreach (var status in statuses)
        {
            foreach (var (name, type, body) in full || status % 2 == 0 ? bodies : bodies.Take(2))
            {
                var response = new RawResponse { Status = status, Reason = BaseResponse.ReasonOf(status), Headers = type is null ? [] : [new("Content-Type", type)], Body = body };
                if (status is 301 or 302 or 303 or 307 or 308 && name == "json-error")
                {
                    // A redirect to itself: must end (hop limit), not loop.
                    response = response.WithHeader("Location", "?again=1");
                }

                if (status == 429 && name == "text") response = response.WithHeader("Retry-After", "1");
                yield return new("status", $"{status}-{name}", kind, response, status is >= 200 and < 300 ? Expectation.None : Expectation.None);
            }
        }

        // An error body whose charset no decoder knows, and one in a charset that garbles it.
        foreach (var status in full ? new[] { 400, 401, 404, 500, 503 } : [500])
        {
            var json = Utf8("{\"message\":\"adversarial failure\",\"error\":\"E_ADV\"}");
            yield return new("status", $"{status}-json-error-charset-bogus", kind, new RawResponse { Status = status, Reason = BaseResponse.ReasonOf(status), Headers = [new("Content-Type", "application/json; charset=bogus-charset-42")], Body = json });
            yield return new("status", $"{status}-text-charset-bogus", kind, new RawResponse { Status = status, Reason = BaseResponse.ReasonOf(status), Headers = [new("Content-Type", "text/plain; charset=x-no-such-charset")], Body = Utf8("no") });
            yield return new("status", $"{status}-json-error-utf16-labelled-utf8", kind, new RawResponse { Status = status, Reason = BaseResponse.ReasonOf(status), Headers = [new("Content-Type", "application/json; charset=utf-8")], Body = Encoding.Unicode.GetBytes("{\"message\":\"x\"}") });
            yield return new("status", $"{status}-json-error-gzip-not-compressed", kind, new RawResponse { Status = status, Reason = BaseResponse.ReasonOf(status), Headers = [new("Content-Type", "application/json"), new("Content-Encoding", "gzip")], Body = json });
        }

        // The real body with a status it was never sent with.
        foreach (var status in full ? new[] { 203, 206, 400, 404, 500, 503 } : [500])
        {
            yield return new("status", $"{status}-real-body", kind, raw with { Status = status, Reason = BaseResponse.ReasonOf(status) });
        }
    }

    // ---- the canary echoed back in every form, in bodies and headers ----------------------------------------------------

    private static IEnumerable<AdversarialCase> CanaryEcho(BodyKind kind, RawResponse raw, bool full)
    {
        var statuses = full ? new[] { 400, 401, 403, 404, 422, 500, 503 } : [401, 500];
        var forms = full ? Canary.JsonForms : Canary.JsonForms.Where(f => f.Name is "raw" or "json-punct-escaped" or "json-all-escaped" or "base64").ToList();
        foreach (var status in statuses)
        {
            foreach (var (form, text) in forms)
            {
                var json = $"{{\"message\":\"invalid token {text}\",\"error\":\"{text}\",\"detail\":\"token={text}\",\"title\":\"{text}\",\"errorMessage\":\"{text}\",\"error_description\":\"Bearer {text}\",\"request_id\":\"{text}\",\"echo\":{{\"X-Auth-Token\":\"{text}\",\"Authorization\":\"Bearer {text}\"}}}}";
                yield return new("canary", $"{status}-json-{form}", kind, new RawResponse { Status = status, Reason = BaseResponse.ReasonOf(status), Headers = [new("Content-Type", "application/json"), new("X-Request-Id", text)], Body = Utf8(json) });
            }

            foreach (var (form, text) in forms.Where(f => f.Name is "raw" or "url" or "base64" or "json-punct-escaped"))
            {
                yield return new("canary", $"{status}-text-{form}", kind, new RawResponse { Status = status, Reason = BaseResponse.ReasonOf(status), Headers = [new("Content-Type", "text/plain")], Body = Utf8($"invalid token: {text}") });
                yield return new("canary", $"{status}-headers-{form}", kind, new RawResponse
                {
                    Status = status,
                    Reason = BaseResponse.ReasonOf(status),
                    Headers = [new("Content-Type", "application/json"), new("WWW-Authenticate", $"Bearer error=\"invalid_token\", error_description=\"{text}\""), new("X-Echo-Token", text), new("X-Request-Id", text), new("Set-Cookie", $"t={text}; Path=/")],
                    Body = Utf8("{\"message\":\"see headers\"}"),
                });
            }
        }

        foreach (var (form, text) in forms)
        {
            // A 2xx body that quotes the token where a number, a date or an enum belongs: a format error must not quote it.
            yield return new("canary", $"200-wrong-type-fields-{form}", kind, WithBody(raw, InsertMember(raw.Body, Utf8($"\"shots\":\"{text}\",\"created_at\":\"{text}\",\"status\":{{\"v\":\"{text}\"}},\"totalPages\":\"{text}\",\"total_pages\":\"{text}\","))));
            yield return new("canary", $"200-html-{form}", kind, new RawResponse { Status = 200, Headers = [new("Content-Type", "text/html")], Body = Utf8($"<html><body>token {text}</body></html>") });
            yield return new("canary", $"200-truncated-{form}", kind, WithBody(raw, Utf8($"{{\"message\":\"{text}\",\"id\":")), Expectation.JsonMustFail);
        }

        // A redirect whose target quotes the token.
        yield return new("canary", "302-location-query", kind, new RawResponse { Status = 302, Reason = "Found", Headers = [new("Location", $"http://127.0.0.1:1/x?token={Canary.UrlEncoded}")] });
    }
}
