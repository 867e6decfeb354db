namespace Sintra.Hub.Infrastructure.Exchange.Storage;

/// <summary>A folder on this machine, possibly shared with partners through the host's SFTP or FTP server.</summary>
public sealed class LocalExchangeStore(string root) : IExchangeStore
{
    public Task<IReadOnlyList<ExchangeStoreEntry>> ListAsync(string folder, CancellationToken cancellationToken)
    {
        var directory = new DirectoryInfo(Resolve(folder));
        IReadOnlyList<ExchangeStoreEntry> entries = directory.Exists
            ? directory.EnumerateFiles().Select(f => new ExchangeStoreEntry(f.Name, f.Length, f.LastWriteTimeUtc)).ToList()
            : [];
        return Task.FromResult(entries);
    }

    public Task<byte[]> ReadAllAsync(string path, CancellationToken cancellationToken) =>
        File.ReadAllBytesAsync(Resolve(path), cancellationToken);

    public async Task WriteAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(Resolve(path), FileMode.CreateNew, FileAccess.Write);
        await stream.WriteAsync(content, cancellationToken);
    }

    public Task MoveAsync(string from, string to, CancellationToken cancellationToken)
    {
        File.Move(Resolve(from), Resolve(to), overwrite: false);
        return Task.CompletedTask;
    }

    public Task<bool> ExistsAsync(string path, CancellationToken cancellationToken) =>
        Task.FromResult(File.Exists(Resolve(path)));

    public Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        File.Delete(Resolve(path));
        return Task.CompletedTask;
    }

    public Task EnsureFolderAsync(string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Resolve(folder));
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    // Rejects any path that would leave the root, whatever the caller checked before.
    private string Resolve(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(root, relative));
        var rootFull = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (!(full + Path.DirectorySeparatorChar).StartsWith(rootFull, StringComparison.Ordinal))
        {
            throw new ExchangeStoreException($"The path '{relative}' leaves the endpoint folder '{root}'.");
        }

        return full;
    }
}
