using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sintra.Hub.Core.Assets;
using Sintra.Hub.Core.Catalog.Import;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Infrastructure.Assets;

/// <summary>
/// Downloads the <c>Image Src</c> URLs of an applied catalog file and links the stored assets in the file's image
/// order. A URL that fails keeps its plain link and becomes one row error, and the other images go on.
/// </summary>
public sealed partial class CatalogImageDownloader(
    HubDbContext db,
    AssetUploader uploader,
    IHttpClientFactory httpClients,
    IOptions<AssetOptions> options,
    ILogger<CatalogImageDownloader> logger) : ICatalogImageImporter
{
    public const string HttpClientName = "asset-downloads";

    public const string ImageColumn = "Image Src";

    public async Task<ImageImportReport> ImportAsync(
        ImportedCatalog catalog,
        ImportRequest request,
        CancellationToken cancellationToken)
    {
        var failures = new List<ImportRowError>();
        var linked = 0;

        // One download per URL, because files often repeat an image across products.
        var downloaded = new Dictionary<string, Asset>(StringComparer.Ordinal);
        var failed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var imported in catalog.Products.Where(p => p.Images.Count > 0))
        {
            var product = await db.Products.Include(p => p.Images)
                .FirstOrDefaultAsync(p => p.Handle == imported.Handle, cancellationToken);
            if (product is null)
            {
                continue;
            }

            foreach (var image in product.Images.Where(i => i.AssetId is null).OrderBy(i => i.Position))
            {
                var line = imported.Images.FirstOrDefault(i => i.Src == image.Src)?.Line ?? imported.Line;
                if (!downloaded.TryGetValue(image.Src, out var asset) && !failed.ContainsKey(image.Src))
                {
                    var (stored, error) = await DownloadAsync(image.Src, request, cancellationToken);
                    if (stored is null)
                    {
                        failed[image.Src] = error!;
                    }
                    else
                    {
                        downloaded[image.Src] = asset = stored;
                    }
                }

                if (asset is null)
                {
                    failures.Add(new ImportRowError(line, ImageColumn, image.Src, failed[image.Src]));
                    continue;
                }

                image.AssetId = asset.Id;
                image.Src = asset.PublicUrl;
                linked++;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        LogImported(logger, request.ImportId, linked, failures.Count);
        return new ImageImportReport(linked, failures);
    }

    private async Task<(Asset? Asset, string? Error)> DownloadAsync(
        string url,
        ImportRequest request,
        CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return (null, "The image URL is invalid: use an absolute http or https URL.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.DownloadTimeoutSeconds));
        try
        {
            var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return Fail(url, $"The image download failed with HTTP {(int)response.StatusCode} ({response.ReasonPhrase}): check the URL.");
            }

            if (response.Content.Headers.ContentLength > uploader.MaxFileBytes)
            {
                return Fail(url, TooLarge());
            }

            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            var fileName = Uri.UnescapeDataString(uri.Segments[^1]);
            var result = await uploader.UploadAsync(
                body,
                new AssetUploadRequest(fileName, FolderId: null, CreatedBy: $"import:{request.ImportId}"),
                progress: null,
                timeout.Token);
            return result.Status switch
            {
                AssetUploadStatus.Stored or AssetUploadStatus.Duplicate => (result.Asset, null),
                _ => Fail(url, result.Rejection switch
                {
                    AssetRejection.TooLarge => TooLarge(),
                    AssetRejection.Empty => "The image download returned an empty file.",
                    AssetRejection.InvalidImage => "The downloaded file is not a valid image.",
                    _ => $"The downloaded file is {result.ContentType}, a type the asset library does not accept.",
                }),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail(url, $"The image download timed out after {options.Value.DownloadTimeoutSeconds} s.");
        }
        catch (HttpRequestException e)
        {
            return Fail(url, $"The image download failed: {e.Message}");
        }
        catch (IOException e)
        {
            // The connection broke while the body was streaming into the library.
            return Fail(url, $"The image download failed while reading the file: {e.Message}");
        }
    }

    private string TooLarge() =>
        $"The image is larger than the limit of {options.Value.MaxFileBytes / (1024 * 1024.0):0.#} MB (Assets:MaxFileBytes).";

    private (Asset?, string?) Fail(string url, string message)
    {
        LogFailed(logger, url, message);
        return (null, message);
    }

    /// <summary>
    /// Throws <see cref="HttpRequestException"/> for a loopback, private or link-local address unless
    /// <paramref name="allowPrivate"/> is set.
    /// </summary>
    public static void CheckAddress(IPAddress address, bool allowPrivate)
    {
        if (!allowPrivate && IsPrivate(address))
        {
            throw new HttpRequestException(
                $"The address {address} is on a private network; downloads go to public addresses only "
                + "(Assets:AllowPrivateNetworkDownloads).");
        }
    }

    private static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal
            || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        var bytes = address.GetAddressBytes();
        return bytes.Length == 4 && (bytes[0] == 10
            || (bytes[0] == 172 && bytes[1] is >= 16 and <= 31)
            || (bytes[0] == 192 && bytes[1] == 168)
            || (bytes[0] == 169 && bytes[1] == 254)
            || (bytes[0] == 100 && bytes[1] is >= 64 and <= 127)
            || bytes[0] == 0);
    }

    [LoggerMessage(2321, LogLevel.Information, "Catalog import {ImportId}: {Linked} images linked as assets, {FailureCount} kept their URL")]
    private static partial void LogImported(ILogger logger, Guid importId, int linked, int failureCount);

    [LoggerMessage(2322, LogLevel.Warning, "Image download from {Url} failed: {Message}")]
    private static partial void LogFailed(ILogger logger, string url, string message);
}
