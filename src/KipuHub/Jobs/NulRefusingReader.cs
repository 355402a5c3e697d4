namespace KipuHub.Jobs;

/// <summary>
/// A text reader over a result stream that refuses a raw NUL character: JSON allows none, and Newtonsoft's reader
/// takes one for the end of input, so a corrupt body ending in NUL bytes would otherwise read as a whole document.
/// </summary>
internal sealed class NulRefusingReader(TextReader inner) : TextReader
{
    /// <inheritdoc />
    public override int Peek() => inner.Peek();

    /// <inheritdoc />
    public override int Read() => Check(inner.Read());

    /// <inheritdoc />
    public override int Read(char[] buffer, int index, int count) => Check(buffer, index, inner.Read(buffer, index, count));

    /// <inheritdoc />
    public override async Task<int> ReadAsync(char[] buffer, int index, int count) =>
        Check(buffer, index, await inner.ReadAsync(buffer, index, count).ConfigureAwait(false));

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Span[..read].Contains('\0'))
        {
            throw Nul();
        }

        return read;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private static int Check(int character) => character == 0 ? throw Nul() : character;

    private static int Check(char[] buffer, int index, int read) =>
        buffer.AsSpan(index, read).Contains('\0') ? throw Nul() : read;

    private static Newtonsoft.Json.JsonReaderException Nul() => new("The result contains a NUL character, which JSON does not allow.");
}
