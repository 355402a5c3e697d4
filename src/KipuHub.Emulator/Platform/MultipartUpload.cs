using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace KipuHub.Emulator.Platform;

/// <summary>
/// Reads a <c>multipart/form-data</c> upload and streams its part named <c>file</c> to disk through one buffer: the
/// body is never held in memory, whatever its size.
/// </summary>
internal static class MultipartUpload
{
    public const string PartName = "file";
    private const int BufferSize = 81920;

    /// <summary>The saved part: the file name it carried (if any), its content type and its length.</summary>
    public sealed record SavedPart(string? FileName, string ContentType, long Length);

    public static async Task<SavedPart> SaveAsync(HttpContext context, string path, long maxBytes)
    {
        var reader = new MultipartReader(Boundary(context), context.Request.Body) { BodyLengthLimit = null };
        MultipartSection? section;
        while ((section = await reader.ReadNextSectionAsync(context.RequestAborted).ConfigureAwait(false)) is not null)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                && HeaderUtilities.RemoveQuotes(disposition.Name).Equals(PartName, StringComparison.Ordinal))
            {
                var length = await CopyAsync(section.Body, path, maxBytes, context.RequestAborted).ConfigureAwait(false);
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                return new SavedPart(string.IsNullOrWhiteSpace(fileName) ? null : fileName, section.ContentType ?? "application/octet-stream", length);
            }

            // Other parts are skipped: the reader drains an unread section when asked for the next one.
        }

        throw HttpProblemException.BadRequest($"The multipart body has no part named '{PartName}'. Send the file as form-data part '{PartName}'.");
    }

    private static string Boundary(HttpContext context)
    {
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var media)
            || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw HttpProblemException.BadRequest($"Upload a file as multipart/form-data with a part named '{PartName}' (Content-Type was '{context.Request.ContentType}').");
        }

        var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value;
        return string.IsNullOrWhiteSpace(boundary)
            ? throw HttpProblemException.BadRequest("The multipart/form-data Content-Type has no boundary.")
            : boundary;
    }

    private static async Task<long> CopyAsync(Stream source, string path, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous);
            long total = 0;
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    throw new HttpProblemException(StatusCodes.Status413PayloadTooLarge,
                        $"The file is larger than the emulator's limit of {maxBytes} bytes (KipuHubEmulatorOptions.MaxDataPoolFileBytes).");
                }

                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }

            return total;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
