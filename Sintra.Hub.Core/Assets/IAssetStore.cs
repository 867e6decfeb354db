namespace Sintra.Hub.Core.Assets;

/// <summary>
/// Storage of asset files by key. Keys have the form <c>{assetId}/{fileName}</c> for originals and
/// <c>{assetId}/thumbnails/{name}</c> for thumbnails, so an asset's files sit next to each other.
/// </summary>
public interface IAssetStore
{
    /// <summary>Writes <paramref name="content"/> under <paramref name="key"/>, replacing any file already there.</summary>
    Task SaveAsync(string key, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>Opens the file for reading, or returns null when no file has that key.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes the file; a missing file is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Returns the URL at which browsers and sales channels download the file.</summary>
    string GetPublicUrl(string key);
}
