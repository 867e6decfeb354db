using Sintra.Hub.Core.Assets;

namespace Sintra.Hub.Infrastructure.Assets;

/// <summary>Asset files in a local folder, one subfolder per asset, served by the hub under <c>/assets/</c>.</summary>
public sealed class LocalFolderAssetStore(string rootFolder, string? publicBaseUrl) : IAssetStore
{
    public const string UrlPrefix = "/assets/";

    public string RootFolder { get; } = Path.GetFullPath(rootFolder);

    public async Task SaveAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Written to a temporary name first, so that a reader never sees half a file.
        var partial = path + ".partial";
        await using (var target = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await content.CopyToAsync(target, cancellationToken);
        }

        File.Move(partial, path, overwrite: true);
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true)
            : null;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        File.Delete(path);
        var folder = Path.GetDirectoryName(path)!;
        while (folder.Length > RootFolder.Length && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
            folder = Path.GetDirectoryName(folder)!;
        }

        return Task.CompletedTask;
    }

    public string GetPublicUrl(string key) =>
        (string.IsNullOrWhiteSpace(publicBaseUrl) ? string.Empty : publicBaseUrl.TrimEnd('/')) + UrlPrefix + key;

    private string PathOf(string key)
    {
        if (!AssetNames.IsValidKey(key))
        {
            throw new ArgumentException($"Asset key '{key}' is invalid.", nameof(key));
        }

        var path = Path.GetFullPath(Path.Combine(RootFolder, key));
        if (!path.StartsWith(RootFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Asset key '{key}' points outside the asset folder.", nameof(key));
        }

        return path;
    }
}
