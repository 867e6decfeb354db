using System.Text;

namespace Sintra.Hub.Core.Assets;

/// <summary>Store keys and safe file names of assets.</summary>
public static class AssetNames
{
    public const int MaxFileNameLength = 120;

    /// <summary>
    /// Reduces an uploaded or downloaded file name to ASCII letters, digits, dot, hyphen and underscore, without a
    /// directory part, so that it is safe in a store key, a URL segment and a local path.
    /// </summary>
    public static string SafeFileName(string? name)
    {
        var baseName = (name ?? string.Empty).Replace('\\', '/');
        baseName = baseName[(baseName.LastIndexOf('/') + 1)..];
        var builder = new StringBuilder(baseName.Length);
        foreach (var c in baseName.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')
            {
                builder.Append(c);
            }
            else if (c is ' ' or '+' && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var safe = builder.ToString().Trim('.', '-');
        if (safe.Length > MaxFileNameLength)
        {
            var extension = Path.GetExtension(safe);
            extension = extension.Length <= 10 ? extension : string.Empty;
            safe = safe[..(MaxFileNameLength - extension.Length)] + extension;
        }

        return safe.Length == 0 ? "file" : safe;
    }

    public static string OriginalKey(Guid assetId, string safeFileName) => $"{assetId:D}/{safeFileName}";

    public static string ThumbnailKey(Guid assetId, string extension) => $"{assetId:D}/thumbnails/thumb.{extension}";

    /// <summary>
    /// Checks a key from a request: an asset id, then one or two safe segments. Rejects dot segments and anything that
    /// could leave the store's folder.
    /// </summary>
    public static bool IsValidKey(string key)
    {
        var segments = key.Split('/');
        if (segments.Length is < 2 or > 3 || !Guid.TryParseExact(segments[0], "D", out _))
        {
            return false;
        }

        if (segments.Length == 3 && segments[1] != "thumbnails")
        {
            return false;
        }

        var name = segments[^1];
        return name.Length > 0 && name != "." && name != ".." && SafeFileName(name) == name;
    }
}
