using KipuHub.Generated.Platform;

using KipuHub.Streaming;

namespace KipuHub;

/// <summary>
/// Data pool file upload and download with streams and byte progress, in constant memory whatever the file size:
/// uploads are sent from the caller's stream (multipart, never buffered), downloads are copied through one pooled
/// buffer, and a download to a file path appears only when it is complete.
/// </summary>
/// <remarks>
/// The methods extend the <c>DataPools</c> namespace (<c>platform.DataPools.UploadFileAsync(...)</c>), so errors are
/// the facade's (<see cref="NotFoundException"/>, ...) and a mocked <see cref="IDataPoolsClient"/> works too.
/// Progress reports the running byte count synchronously on the transferring thread; keep the handler short.
/// </remarks>
/// <example>
/// <code>
/// var pool = await platform.DataPools.CreateDataPoolAsync(new CreateDataPoolRequest { Name = "measurements" });
/// var file = await platform.DataPools.UploadFileAsync(pool.Id!, "run-42.h5", progress: new Progress&lt;long&gt;(n => Console.Write($"\r{n:N0} bytes")));
/// await platform.DataPools.DownloadFileAsync(pool.Id!, file.Id!, "copy/run-42.h5");
/// </code>
/// </example>
public static class DataPoolFileTransfer
{
    private const string DefaultContentType = "application/octet-stream";

    /// <summary>Uploads a file to a data pool from a stream, read from its current position to its end.</summary>
    /// <param name="dataPools">The <c>DataPools</c> namespace of a <see cref="HubPlatformClient"/>.</param>
    /// <param name="dataPoolId">The data pool.</param>
    /// <param name="content">The bytes to upload; read once, not disposed (it stays yours).</param>
    /// <param name="fileName">The file's name in the data pool.</param>
    /// <param name="contentType">The MIME type; <c>application/octet-stream</c> when null.</param>
    /// <param name="progress">Receives the running count of bytes sent; null for none.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The file as the data pool now lists it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataPools"/> or <paramref name="content"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="dataPoolId"/> or <paramref name="fileName"/> is blank, or <paramref name="content"/> is not readable.</exception>
    /// <exception cref="HubApiException">The Hub refused the upload (for example <see cref="NotFoundException"/>, or <see cref="ConflictException"/> for a name in use).</exception>
    /// <exception cref="HubTimeoutException">A request got no response within the client's <c>Timeout</c> (after retries, for idempotent requests).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<DataPoolFileDto> UploadFileAsync(this IDataPoolsClient dataPools, string dataPoolId, Stream content, string fileName, string? contentType = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataPools);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPoolId);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        if (!content.CanRead)
        {
            throw new ArgumentException("The upload stream must be readable.", nameof(content));
        }

        return SendAsync(dataPools, dataPoolId, content, fileName, contentType, progress, cancellationToken);
    }

    /// <summary>Uploads a local file to a data pool, streamed from disk; its name in the pool is the file's name.</summary>
    /// <param name="dataPools">The <c>DataPools</c> namespace of a <see cref="HubPlatformClient"/>.</param>
    /// <param name="dataPoolId">The data pool.</param>
    /// <param name="filePath">The file to upload.</param>
    /// <param name="contentType">The MIME type; <c>application/octet-stream</c> when null.</param>
    /// <param name="progress">Receives the running count of bytes sent; null for none.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The file as the data pool now lists it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataPools"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="dataPoolId"/> or <paramref name="filePath"/> is blank.</exception>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="filePath"/>.</exception>
    /// <exception cref="HubApiException">The Hub refused the upload.</exception>
    /// <exception cref="HubTimeoutException">A request got no response within the client's <c>Timeout</c> (after retries, for idempotent requests).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<DataPoolFileDto> UploadFileAsync(this IDataPoolsClient dataPools, string dataPoolId, string filePath, string? contentType = null, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataPools);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataPoolId);
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        // A small buffer: the HTTP stack reads in its own chunks, and SequentialScan lets the OS read ahead.
        var file = new FileStream(filePath, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (file.ConfigureAwait(false))
        {
            return await SendAsync(dataPools, dataPoolId, file, Path.GetFileName(filePath), contentType, progress, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Downloads a data pool file into a stream.</summary>
    /// <param name="dataPools">The <c>DataPools</c> namespace of a <see cref="HubPlatformClient"/>.</param>
    /// <param name="dataPoolId">The data pool.</param>
    /// <param name="fileId">The file.</param>
    /// <param name="destination">Where the bytes go; written from its current position, not disposed.</param>
    /// <param name="progress">Receives the running count of bytes received; null for none.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataPools"/> or <paramref name="destination"/> is null.</exception>
    /// <exception cref="ArgumentException">An id is blank, or <paramref name="destination"/> is not writable.</exception>
    /// <exception cref="HubApiException">The Hub refused the download (for example <see cref="NotFoundException"/>).</exception>
    /// <exception cref="HubDownloadException">The transfer broke off, or fewer bytes arrived than announced; <paramref name="destination"/> may hold part of the file.</exception>
    /// <exception cref="HubTimeoutException">A request got no response within the client's <c>Timeout</c> (after retries, for idempotent requests).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<long> DownloadFileAsync(this IDataPoolsClient dataPools, string dataPoolId, string fileId, Stream destination, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataPools);
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The download destination must be writable.", nameof(destination));
        }

        using var file = await dataPools.GetDataPoolFileAsync(dataPoolId, fileId, cancellationToken).ConfigureAwait(false);
        return await StreamCopy.DownloadAsync(file.Stream, StreamCopy.ExpectedLength(file.Headers), destination,
            $"file '{fileId}' from data pool '{dataPoolId}'", StreamCopy.PartialDataAdvice, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Downloads a data pool file to a local path. The bytes go to a temporary file beside the destination, which is
    /// moved into place only when the download is complete: a broken-off download leaves no file behind.
    /// </summary>
    /// <param name="dataPools">The <c>DataPools</c> namespace of a <see cref="HubPlatformClient"/>.</param>
    /// <param name="dataPoolId">The data pool.</param>
    /// <param name="fileId">The file.</param>
    /// <param name="destinationPath">The file to create; its directory is created if missing.</param>
    /// <param name="overwrite">Whether an existing file may be replaced (only once the download is complete).</param>
    /// <param name="progress">Receives the running count of bytes received; null for none.</param>
    /// <param name="cancellationToken">Cancels the download; the temporary file is removed.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataPools"/> is null.</exception>
    /// <exception cref="ArgumentException">An id or <paramref name="destinationPath"/> is blank.</exception>
    /// <exception cref="IOException"><paramref name="destinationPath"/> exists and <paramref name="overwrite"/> is false.</exception>
    /// <exception cref="HubApiException">The Hub refused the download (for example <see cref="NotFoundException"/>).</exception>
    /// <exception cref="HubDownloadException">The transfer broke off, or fewer bytes arrived than announced; nothing was saved.</exception>
    /// <exception cref="HubTimeoutException">A request got no response within the client's <c>Timeout</c> (after retries, for idempotent requests).</exception>
    /// <exception cref="HubTransportException">The connection failed or broke.</exception>
    /// <exception cref="CredentialUnavailableException">No token could be obtained from the configured credential.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<long> DownloadFileAsync(this IDataPoolsClient dataPools, string dataPoolId, string fileId, string destinationPath, bool overwrite = false, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataPools);
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationPath);
        // Refuse before any request: the caller should not pay for a download that cannot be saved.
        AtomicFileDownload.EnsureCanWrite(destinationPath, overwrite);

        using var file = await dataPools.GetDataPoolFileAsync(dataPoolId, fileId, cancellationToken).ConfigureAwait(false);
        return await AtomicFileDownload.SaveAsync(file.Stream, StreamCopy.ExpectedLength(file.Headers), destinationPath, overwrite, progress, cancellationToken).ConfigureAwait(false);
    }

    private static Task<DataPoolFileDto> SendAsync(IDataPoolsClient dataPools, string dataPoolId, Stream content, string fileName, string? contentType, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        // The generated client wraps the stream in StreamContent, which the request disposes; the wrapper keeps the
        // caller's stream open and counts what the HTTP stack reads from it.
        var body = new ProgressReadStream(content, progress);
        var file = new FileParameter(body, fileName, contentType ?? DefaultContentType);
        return dataPools.AddDataPoolFileAsync(dataPoolId, fileName, file, cancellationToken);
    }
}
