namespace Sintra.Hub.Tests.Support;

public static class TempFolder
{
    public static string Create(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), "sintra-tests", $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite handle still open in the pool keeps the file; the OS temp cleanup removes it later.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
