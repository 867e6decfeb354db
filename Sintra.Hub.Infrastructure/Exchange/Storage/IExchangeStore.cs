namespace Sintra.Hub.Infrastructure.Exchange.Storage;

/// <summary>
/// The files of one exchange endpoint. Paths are relative to the endpoint's root and use <c>/</c>; callers pass
/// only names checked by <see cref="ExchangeFileNames"/>. Dispose it to close the connection.
/// </summary>
public interface IExchangeStore : IAsyncDisposable
{
    /// <summary>Lists the files (not folders) directly in a folder; a missing folder lists nothing.</summary>
    Task<IReadOnlyList<ExchangeStoreEntry>> ListAsync(string folder, CancellationToken cancellationToken);

    Task<byte[]> ReadAllAsync(string path, CancellationToken cancellationToken);

    /// <summary>Writes a new file; fails when it exists.</summary>
    Task WriteAsync(string path, byte[] content, CancellationToken cancellationToken);

    /// <summary>Renames or moves a file; fails when the target exists.</summary>
    Task MoveAsync(string from, string to, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string path, CancellationToken cancellationToken);

    Task DeleteAsync(string path, CancellationToken cancellationToken);

    /// <summary>Creates a folder and its parents when missing.</summary>
    Task EnsureFolderAsync(string folder, CancellationToken cancellationToken);
}

/// <param name="Name">The file name without folder.</param>
/// <param name="ModifiedAt">Last write time, UTC.</param>
public sealed record ExchangeStoreEntry(string Name, long Size, DateTime ModifiedAt);

/// <summary>A connection or storage failure with a message fit to show to the person who set the endpoint up.</summary>
public sealed class ExchangeStoreException(string message, Exception? inner = null) : Exception(message, inner);

public static class ExchangePaths
{
    public static string Combine(params string?[] parts) =>
        string.Join('/', parts.Where(p => !string.IsNullOrEmpty(p)).Select(p => p!.Trim('/')).Where(p => p.Length > 0));
}
