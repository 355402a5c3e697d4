using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace KipuHub.IntegrationTests.Adversarial;

/// <summary>The canary token, every form a server could echo it in, and the scanner that finds it in any of them.</summary>
internal static partial class Canary
{
    /// <summary>Characters that JSON writers, URL encoders and base64 all treat differently: '-', '+', '/', '='.</summary>
    public const string Token = "kqh-CANARY-9f2e+Lx/Qa=Z7vT";

    public static string Raw => Token;

    /// <summary>As System.Text.Json writes it (<c>\u002D</c>, <c>\u002B</c>) and with JSON's optional <c>\/</c>.</summary>
    public static string JsonPunctuationEscaped => Token.Replace("-", "\\u002D").Replace("+", "\\u002B").Replace("/", "\\/").Replace("=", "\\u003D");

    /// <summary>Every character as <c>\uXXXX</c>.</summary>
    public static string JsonAllEscaped => string.Concat(Token.Select(c => $"\\u{(int)c:X4}"));

    public static string UrlEncoded => Uri.EscapeDataString(Token);

    public static string UrlEncodedLower => Regex.Replace(UrlEncoded, "%[0-9A-F]{2}", m => m.Value.ToLowerInvariant());

    public static string Base64 => Convert.ToBase64String(Encoding.UTF8.GetBytes(Token));

    public static string Base64Url => Base64.TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Forms that are valid inside a JSON string literal.</summary>
    public static IReadOnlyList<(string Name, string Text)> JsonForms =>
    [
        ("raw", Raw), ("json-punct-escaped", JsonPunctuationEscaped), ("json-all-escaped", JsonAllEscaped),
        ("url", UrlEncoded), ("url-lower", UrlEncodedLower), ("base64", Base64), ("base64url", Base64Url),
    ];

    /// <summary>Forms that are valid in a header value or a plain-text body.</summary>
    public static IReadOnlyList<(string Name, string Text)> TextForms => JsonForms;

    private static readonly string[] Needles = [Token, "CANARY-9f2e+Lx", "9f2e+Lx/Qa", Base64, Base64.TrimEnd('='), Base64Url];

    /// <summary>Does <paramref name="text"/> carry the token, raw or in any reversible encoding?</summary>
    public static bool Leaks(string? text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        foreach (var candidate in Decodings(text))
        {
            foreach (var needle in Needles)
            {
                if (candidate.Contains(needle, StringComparison.Ordinal)) return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> Decodings(string text)
    {
        yield return text;
        var json = JsonUnescape(text);
        yield return json;
        yield return UrlDecode(text);
        yield return UrlDecode(json);
    }

    private static string JsonUnescape(string text) =>
        JsonEscape().Replace(text, m => m.Value[1] == 'u' ? ((char)Convert.ToInt32(m.Value[2..], 16)).ToString() : m.Value[1..]);

    private static string UrlDecode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (Exception)
        {
            return text;
        }
    }

    /// <summary>Replaces every form of the token with &lt;CANARY&gt;, for printing.</summary>
    public static string Mask(string? text)
    {
        if (text is null) return "";
        foreach (var (_, form) in JsonForms.OrderByDescending(f => f.Text.Length)) text = text.Replace(form, "<CANARY>", StringComparison.Ordinal);
        return text;
    }

    [GeneratedRegex(@"\\(u[0-9A-Fa-f]{4}|[/\\""])")]
    private static partial Regex JsonEscape();
}

/// <summary>What one run of one case through one call family left behind: log lines and span texts.</summary>
internal sealed class RunObservation
{
    public ConcurrentQueue<string> Logs { get; } = new();

    public ConcurrentQueue<string> Spans { get; } = new();

    public static readonly AsyncLocal<RunObservation?> Current = new();
}

/// <summary>A logger factory that keeps every formatted message, state value, scope and exception of one run.</summary>
internal sealed class CapturingLoggerFactory(RunObservation observation) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new Logger(observation, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(RunObservation observation, string category) : ILogger
    {
        public IDisposable BeginScope<TState>(TState state) where TState : notnull
        {
            observation.Logs.Enqueue($"[scope {category}] {Describe(state)}");
            return NullScope.Instance;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            observation.Logs.Enqueue($"[{logLevel} {category} {eventId}] {formatter(state, exception)} | {Describe(state)} | {exception}");
        }

        private static string Describe(object? state) => state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join("; ", pairs.Select(p => $"{p.Key}={p.Value}"))
            : state?.ToString() ?? "";
    }

    private sealed class NullScope : IDisposable
    {
        public static readonly NullScope Instance = new();

        public void Dispose()
        {
        }
    }
}

/// <summary>Listens to the "KipuHub" activity source and files each stopped span under the run that produced it.</summary>
internal sealed class SpanCapture : IDisposable
{
    private readonly ActivityListener _listener;

    public ConcurrentQueue<string> Unattributed { get; } = new();

    public SpanCapture()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "KipuHub",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                var text = Describe(activity);
                if (RunObservation.Current.Value is { } run) run.Spans.Enqueue(text);
                else Unattributed.Enqueue(text);
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    private static string Describe(Activity activity)
    {
        var sb = new StringBuilder();
        sb.Append(activity.OperationName).Append(" | ").Append(activity.DisplayName).Append(" | ").Append(activity.Status).Append(' ').Append(activity.StatusDescription);
        foreach (var tag in activity.TagObjects) sb.Append(" | ").Append(tag.Key).Append('=').Append(tag.Value);
        foreach (var e in activity.Events)
        {
            sb.Append(" | event ").Append(e.Name);
            foreach (var tag in e.Tags) sb.Append(' ').Append(tag.Key).Append('=').Append(tag.Value);
        }

        foreach (var baggage in activity.Baggage) sb.Append(" | baggage ").Append(baggage.Key).Append('=').Append(baggage.Value);
        return sb.ToString();
    }

    public void Dispose() => _listener.Dispose();
}

/// <summary>Every string a caller can read off an exception: Message, ToString(), public string-ish properties, Data, inner exceptions.</summary>
internal static class ExceptionText
{
    public static IEnumerable<(string Where, string Text)> All(Exception exception)
    {
        yield return ("ToString()", exception.ToString());
        var seen = new HashSet<Exception>(ReferenceEqualityComparer.Instance);
        var queue = new Queue<Exception>();
        queue.Enqueue(exception);
        while (queue.Count > 0)
        {
            var ex = queue.Dequeue();
            if (!seen.Add(ex)) continue;
            var type = ex.GetType().Name;
            yield return ($"{type}.Message", ex.Message);
            foreach (DictionaryEntry entry in ex.Data) yield return ($"{type}.Data", $"{entry.Key}={entry.Value}");
            foreach (var property in ex.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length > 0 || property.Name is "TargetSite" or "InnerException" or "Data") continue;
                object? value;
                try
                {
                    value = property.GetValue(ex);
                }
                catch (Exception)
                {
                    continue;
                }

                foreach (var text in Texts(value)) yield return ($"{type}.{property.Name}", text);
            }

            if (ex.InnerException is { } inner) queue.Enqueue(inner);
            if (ex is AggregateException aggregate) foreach (var e in aggregate.InnerExceptions) queue.Enqueue(e);
        }
    }

    private static IEnumerable<string> Texts(object? value)
    {
        switch (value)
        {
            case null:
                yield break;
            case string s:
                yield return s;
                break;
            case JToken token:
                yield return token.ToString(Newtonsoft.Json.Formatting.None);
                break;
            case IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers:
                foreach (var (k, v) in headers) yield return $"{k}: {string.Join(", ", v)}";
                break;
            case IEnumerable<string> strings:
                foreach (var s in strings) yield return s;
                break;
            case Exception:
                break;
            case IFormattable or Enum or bool:
                yield return value.ToString() ?? "";
                break;
            default:
                // Models (Job, ServiceExecution, ...) a server sent back: their text is the server's data, kept as a whole.
                var text = value.ToString();
                if (text is not null) yield return text;
                break;
        }
    }
}
