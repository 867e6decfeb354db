using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Sintra.Hub.Infrastructure.Exchange.Storage;

/// <summary>
/// A prefix in an Azure Blob container. Folders are name prefixes, so creating one does nothing, and a move is a
/// server-side copy followed by a delete of the source.
/// NOTE: no test runs this store against a Blob service or Azurite; the local and SFTP stores are tested.
/// </summary>
public sealed class BlobExchangeStore(BlobContainerClient container, string root) : IExchangeStore
{
    public async Task<IReadOnlyList<ExchangeStoreEntry>> ListAsync(string folder, CancellationToken cancellationToken)
    {
        var prefix = ExchangePaths.Combine(root, folder) + "/";
        var entries = new List<ExchangeStoreEntry>();
        await foreach (var item in container.GetBlobsByHierarchyAsync(
            BlobTraits.None, BlobStates.None, "/", prefix, cancellationToken))
        {
            if (item.IsBlob)
            {
                var properties = item.Blob.Properties;
                entries.Add(new ExchangeStoreEntry(
                    item.Blob.Name[prefix.Length..],
                    properties.ContentLength ?? 0,
                    properties.LastModified?.UtcDateTime ?? DateTime.MinValue));
            }
        }

        return entries;
    }

    public async Task<byte[]> ReadAllAsync(string path, CancellationToken cancellationToken)
    {
        var result = await container.GetBlobClient(Full(path)).DownloadContentAsync(cancellationToken);
        return result.Value.Content.ToArray();
    }

    public async Task WriteAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        // The If-None-Match: * condition makes the upload fail when a blob of that name exists.
        var options = new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };
        await container.GetBlobClient(Full(path)).UploadAsync(new BinaryData(content), options, cancellationToken);
    }

    public async Task MoveAsync(string from, string to, CancellationToken cancellationToken)
    {
        var source = container.GetBlobClient(Full(from));
        var target = container.GetBlobClient(Full(to));
        var copy = await target.StartCopyFromUriAsync(
            source.Uri,
            new BlobCopyFromUriOptions { DestinationConditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
            cancellationToken);
        await copy.WaitForCompletionAsync(cancellationToken);
        await source.DeleteAsync(cancellationToken: cancellationToken);
    }

    public async Task<bool> ExistsAsync(string path, CancellationToken cancellationToken) =>
        (await container.GetBlobClient(Full(path)).ExistsAsync(cancellationToken)).Value;

    public Task DeleteAsync(string path, CancellationToken cancellationToken) =>
        container.GetBlobClient(Full(path)).DeleteAsync(cancellationToken: cancellationToken);

    public Task EnsureFolderAsync(string folder, CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private string Full(string relative)
    {
        if (relative.Split('/').Any(p => p is ".." or "."))
        {
            throw new ExchangeStoreException($"The path '{relative}' contains a '.' or '..' part.");
        }

        return ExchangePaths.Combine(root, relative);
    }
}
