using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sintra.Hub.Core.Assets;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Infrastructure.Assets;

/// <summary>A file to store: its name as sent, the target folder and the uploader.</summary>
/// <param name="AllowDuplicate">Stores the file even when an asset with the same content exists.</param>
public sealed record AssetUploadRequest(string FileName, Guid? FolderId, string CreatedBy, bool AllowDuplicate = false);

public enum AssetUploadStatus
{
    Stored,

    /// <summary>An asset with the same SHA-256 exists, so nothing was stored. <see cref="AssetUploadResult.Asset"/> is that asset.</summary>
    Duplicate,

    Rejected,
}

public enum AssetRejection
{
    None,
    Empty,
    TooLarge,
    TypeNotAllowed,

    /// <summary>The bytes start like an image but the image cannot be decoded.</summary>
    InvalidImage,
}

/// <summary>Result of one upload. <see cref="ContentType"/> is the type found from the content, also on rejection.</summary>
public sealed record AssetUploadResult(AssetUploadStatus Status, Asset? Asset, AssetRejection Rejection, string? ContentType)
{
    public static AssetUploadResult Rejected(AssetRejection reason, string? contentType = null) =>
        new(AssetUploadStatus.Rejected, null, reason, contentType);
}

/// <summary>
/// Stores new assets: streams the content to a temporary file while counting and hashing it, finds the type from the
/// first bytes, checks size, type and duplicates, reads image dimensions, writes a thumbnail, and saves the row.
/// </summary>
public sealed partial class AssetUploader(
    HubDbContext db,
    IAssetStore store,
    AssetThumbnailer thumbnailer,
    IOptions<AssetOptions> options,
    TimeProvider clock,
    ILogger<AssetUploader> logger)
{
    private const int BufferSize = 81920;

    public long MaxFileBytes => options.Value.MaxFileBytes;

    /// <summary>Stores the content of <paramref name="content"/>, reporting the bytes read so far to <paramref name="progress"/>.</summary>
    public async Task<AssetUploadResult> UploadAsync(
        Stream content,
        AssetUploadRequest request,
        IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        var tempFile = Path.Combine(Path.GetTempPath(), $"sintra-asset-{Guid.NewGuid():N}.tmp");
        try
        {
            var (size, sha256, tooLarge) = await CopyToTempAsync(content, tempFile, progress, cancellationToken);
            if (tooLarge)
            {
                LogRejected(logger, request.FileName, AssetRejection.TooLarge, null);
                return AssetUploadResult.Rejected(AssetRejection.TooLarge);
            }

            if (size == 0)
            {
                return AssetUploadResult.Rejected(AssetRejection.Empty);
            }

            var type = await SniffAsync(tempFile, cancellationToken);
            if (!options.Value.AcceptedContentTypes.Contains(type.ContentType, StringComparer.OrdinalIgnoreCase))
            {
                LogRejected(logger, request.FileName, AssetRejection.TypeNotAllowed, type.ContentType);
                return AssetUploadResult.Rejected(AssetRejection.TypeNotAllowed, type.ContentType);
            }

            if (!request.AllowDuplicate)
            {
                var existing = await db.Assets.AsNoTracking().OrderBy(a => a.CreatedAt)
                    .FirstOrDefaultAsync(a => a.Sha256 == sha256, cancellationToken);
                if (existing is not null)
                {
                    return new AssetUploadResult(AssetUploadStatus.Duplicate, existing, AssetRejection.None, existing.ContentType);
                }
            }

            return await StoreAsync(tempFile, request, type, size, sha256, cancellationToken);
        }
        finally
        {
            File.Delete(tempFile);
        }
    }

    private async Task<AssetUploadResult> StoreAsync(
        string tempFile,
        AssetUploadRequest request,
        SniffedType type,
        long size,
        string sha256,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var fileName = AssetNames.SafeFileName(request.FileName);
        var asset = new Asset
        {
            FileName = fileName,
            ContentType = type.ContentType,
            Kind = type.Kind,
            SizeBytes = size,
            Sha256 = sha256,
            FolderId = request.FolderId,
            StorageKey = string.Empty,
            PublicUrl = string.Empty,
            CreatedBy = request.CreatedBy,
            CreatedAt = now,
            UpdatedAt = now,
        };
        asset.StorageKey = AssetNames.OriginalKey(asset.Id, fileName);

        Thumbnail? thumbnail = null;
        if (type.Kind == AssetKind.Image)
        {
            thumbnail = thumbnailer.Create(tempFile, options.Value.ThumbnailSize);
            if (thumbnail is null)
            {
                LogRejected(logger, request.FileName, AssetRejection.InvalidImage, type.ContentType);
                return AssetUploadResult.Rejected(AssetRejection.InvalidImage, type.ContentType);
            }

            asset.Width = thumbnail.SourceWidth;
            asset.Height = thumbnail.SourceHeight;
            asset.ThumbnailKey = AssetNames.ThumbnailKey(asset.Id, thumbnail.Extension);
        }

        await using (var original = File.OpenRead(tempFile))
        {
            await store.SaveAsync(asset.StorageKey, original, type.ContentType, cancellationToken);
        }

        asset.PublicUrl = store.GetPublicUrl(asset.StorageKey);
        if (type.Kind == AssetKind.Vector)
        {
            // Browsers draw an SVG inside <img> without running its scripts, so the original is its own thumbnail.
            asset.ThumbnailUrl = asset.PublicUrl;
        }

        if (thumbnail is not null)
        {
            using var thumbnailContent = new MemoryStream(thumbnail.Content, writable: false);
            await store.SaveAsync(asset.ThumbnailKey!, thumbnailContent, thumbnail.ContentType, cancellationToken);
            asset.ThumbnailUrl = store.GetPublicUrl(asset.ThumbnailKey!);
        }

        db.Assets.Add(asset);
        await db.SaveChangesAsync(cancellationToken);
        LogStored(logger, asset.Id, asset.FileName, asset.ContentType, asset.SizeBytes);
        return new AssetUploadResult(AssetUploadStatus.Stored, asset, AssetRejection.None, asset.ContentType);
    }

    private async Task<(long Size, string Sha256, bool TooLarge)> CopyToTempAsync(
        Stream content,
        string tempFile,
        IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxFileBytes;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var target = new FileStream(tempFile, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
        var buffer = new byte[BufferSize];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit)
            {
                return (total, string.Empty, true);
            }

            hash.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            progress?.Report(total);
        }

        return (total, Convert.ToHexStringLower(hash.GetHashAndReset()), false);
    }

    private static async Task<SniffedType> SniffAsync(string file, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(file);
        var header = new byte[AssetContentSniffer.HeaderLength];
        var length = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        return AssetContentSniffer.Sniff(header.AsSpan(0, length));
    }

    [LoggerMessage(2311, LogLevel.Information, "Asset {AssetId} stored: {FileName}, {ContentType}, {SizeBytes} bytes")]
    private static partial void LogStored(ILogger logger, Guid assetId, string fileName, string contentType, long sizeBytes);

    [LoggerMessage(2312, LogLevel.Information, "Asset upload {FileName} rejected: {Reason}, content type {ContentType}")]
    private static partial void LogRejected(ILogger logger, string fileName, AssetRejection reason, string? contentType);
}
