using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace KipuHub.Tests.Support;

/// <summary>Captures every log line at every level, with its exception text, to assert on (and to look for secrets in).</summary>
public sealed class TestLoggerFactory : ILoggerFactory
{
    public ConcurrentQueue<LogLine> Lines { get; } = new();

    public string AllText => string.Join("\n", Lines.Select(l => $"{l.Category} {l.Level} {l.EventId} {l.Message} {l.Exception}"));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    public sealed record LogLine(string Category, LogLevel Level, int EventId, string Message, string? Exception, IReadOnlyList<KeyValuePair<string, object?>> State);

    private sealed class Logger(TestLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            owner.Lines.Enqueue(new LogLine(category, logLevel, eventId.Id, formatter(state, exception), exception?.ToString(), values));
        }
    }
}
