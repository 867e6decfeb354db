using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Sintra.Hub.Core.Assets;

namespace Sintra.Hub.Infrastructure.Assets;

/// <summary>
/// Asset files as blobs of one Azure Storage container. The container is created on first use with public read
/// access to blobs, because sales channels download images by URL without credentials.
/// </summary>
public sealed class BlobAssetStore(BlobContainerClient container, string? cdnBaseUrl) : IAssetStore
{
    private readonly SemaphoreSlim containerGate = new(1, 1);
    private bool containerReady;

    public async Task SaveAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken);
        var headers = new BlobHttpHeaders
        {
            ContentType = contentType,
            CacheControl = "public, max-age=31536000, immutable",
        };
        if (contentType == "image/svg+xml")
        {
            // An SVG opened directly could run its scripts on the storage domain, so browsers get it as a download.
            headers.ContentDisposition = "attachment";
        }

        await container.GetBlobClient(key).UploadAsync(
            content,
            new BlobUploadOptions { HttpHeaders = headers },
            cancellationToken);
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await container.GetBlobClient(key).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        await container.GetBlobClient(key).DeleteIfExistsAsync(cancellationToken: cancellationToken);
    }

    public string GetPublicUrl(string key)
    {
        if (!string.IsNullOrWhiteSpace(cdnBaseUrl))
        {
            return cdnBaseUrl.TrimEnd('/') + "/" + key;
        }

        return container.GetBlobClient(key).Uri.AbsoluteUri;
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (containerReady)
        {
            return;
        }

        await containerGate.WaitAsync(cancellationToken);
        try
        {
            if (!containerReady)
            {
                await container.CreateIfNotExistsAsync(PublicAccessType.Blob, cancellationToken: cancellationToken);
                containerReady = true;
            }
        }
        finally
        {
            containerGate.Release();
        }
    }
}
