using System.Text;
using KipuHub.Jobs;
using Newtonsoft.Json;

namespace KipuHub.Tests.Jobs;

/// <summary>The streaming result reader behind RunJobAsync: what it keeps, what it skips, what it refuses.</summary>
[TestFixture]
public class ResultDocumentReaderTests
{
    [Test]
    public async Task Kept_members_spanning_many_buffers_are_read_whole_and_large_members_are_skipped()
    {
        var counts = string.Join(",", Enumerable.Range(0, 20_000).Select(i => $"\"{Convert.ToString(i, 2).PadLeft(16, '0')}\":{i}"));
        // Strings with braces, brackets and escaped quotes in the skipped member must not confuse the skip.
        var skipped = string.Join(",", Enumerable.Range(0, 50_000).Select(i => "{\"s\":\"}]{[\\\"" + i + "\",\"n\":[" + i + ",[" + i + "]]}"));
        var json = "{\"measurements\":[" + skipped + "],\"counts\":{" + counts + "},\"shots\":100,\"ok\":true,\"note\":\"a \\\"quoted\\\" text\",\"none\":null,\"memory\":{\"x\":[1,2]}}";

        var (kept, omitted) = await ResultDocumentReader.ReadAsync(Chunked(json, 7_000), CancellationToken.None);

        Assert.That(kept["counts"]!.Children().Count(), Is.EqualTo(20_000));
        Assert.That((long)kept["counts"]!["0000000000010011"]!, Is.EqualTo(19));
        Assert.That((long)kept["shots"]!, Is.EqualTo(100));
        Assert.That((bool)kept["ok"]!, Is.True);
        Assert.That((string?)kept["note"], Is.EqualTo("a \"quoted\" text"));
        Assert.That(kept["none"]!.Type, Is.EqualTo(Newtonsoft.Json.Linq.JTokenType.Null));
        Assert.That(omitted, Is.EqualTo(new[] { "measurements", "memory" }));
    }

    [Test]
    public async Task A_byte_order_mark_is_allowed()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""{"counts":{"0":1}}""")).ToArray();

        var (kept, _) = await ResultDocumentReader.ReadAsync(new MemoryStream(bytes), CancellationToken.None);

        Assert.That((long)kept["counts"]!["0"]!, Is.EqualTo(1));
    }

    [TestCase("""{"counts":{"0":1}}<html>""", TestName = "Content_after_the_document")]
    [TestCase("""{"counts":{"0":1}}{"counts":{}}""", TestName = "Two_documents")]
    [TestCase("{\"counts\":{\"0\":1}}\0\0", TestName = "Trailing_NUL")]
    [TestCase("""{"counts":{"0":1},"measurements":[1,2""", TestName = "Cut_off")]
    [TestCase("""[1,2,3]""", TestName = "Not_an_object")]
    [TestCase("", TestName = "Empty")]
    public void What_JSON_does_not_allow_is_a_JSON_error(string json) =>
        Assert.That(async () => await ResultDocumentReader.ReadAsync(Chunked(json, 3), CancellationToken.None), Throws.InstanceOf<JsonException>());

    // A stream that hands out at most `chunk` bytes per read, as a network stream does.
    private static Stream Chunked(string json, int chunk) => new ChunkedStream(Encoding.UTF8.GetBytes(json), chunk);

    private sealed class ChunkedStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
