namespace Sintra.Hub.Infrastructure.Inventory.Import;

/// <summary>
/// The folder of uploaded stock files under the hub's data folder. An upload is kept until its import is
/// finished, so that the background apply reads the same bytes that the preview showed.
/// </summary>
public sealed class StockImportFiles(string folder)
{
    public string Folder { get; } = folder;

    /// <summary>Returns a new, unique file name for an upload.</summary>
    public static string NewFileName() => $"{Guid.CreateVersion7():N}.csv";

    /// <summary>Returns the full path of a stored file; rejects names that would leave the folder.</summary>
    public string PathOf(string storedFileName)
    {
        if (storedFileName != Path.GetFileName(storedFileName) || storedFileName.Length == 0)
        {
            throw new ArgumentException($"'{storedFileName}' is not a stored file name.", nameof(storedFileName));
        }

        return Path.Combine(Folder, storedFileName);
    }

    /// <summary>Copies an upload to a new stored file and returns its name; the caller limits the stream.</summary>
    public async Task<string> SaveAsync(Stream upload, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var name = NewFileName();
        await using var target = File.Create(PathOf(name));
        await upload.CopyToAsync(target, cancellationToken);
        return name;
    }

    public FileStream Open(string storedFileName) =>
        new(PathOf(storedFileName), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);

    public void Delete(string? storedFileName)
    {
        if (storedFileName is not null && File.Exists(PathOf(storedFileName)))
        {
            File.Delete(PathOf(storedFileName));
        }
    }
}
