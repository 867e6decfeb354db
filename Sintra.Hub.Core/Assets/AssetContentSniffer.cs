using System.Text;

namespace Sintra.Hub.Core.Assets;

/// <summary>A media type found from a file's content, and the broad kind it belongs to.</summary>
public sealed record SniffedType(string ContentType, AssetKind Kind)
{
    public const string OctetStream = "application/octet-stream";
}

/// <summary>
/// Finds a file's media type from its first bytes (its magic number). File extensions and browser-reported types
/// are ignored on purpose, because the sender chooses both.
/// </summary>
public static class AssetContentSniffer
{
    /// <summary>Number of leading bytes <see cref="Sniff"/> reads. A shorter header is fine for a short file.</summary>
    public const int HeaderLength = 1024;

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Returns the media type of a file that starts with <paramref name="header"/>.</summary>
    public static SniffedType Sniff(ReadOnlySpan<byte> header)
    {
        if (header.Length >= 3 && header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF)
        {
            return new("image/jpeg", AssetKind.Image);
        }

        if (header.StartsWith(Png))
        {
            return new("image/png", AssetKind.Image);
        }

        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8))
        {
            return new("image/gif", AssetKind.Image);
        }

        if (header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return new("image/webp", AssetKind.Image);
        }

        if (header.StartsWith("%PDF-"u8))
        {
            return new("application/pdf", AssetKind.Document);
        }

        if (SniffIsoMedia(header) is { } video)
        {
            return video;
        }

        if (LooksLikeSvg(header))
        {
            return new("image/svg+xml", AssetKind.Vector);
        }

        return new(SniffedType.OctetStream, AssetKind.Other);
    }

    // ISO base media files (MP4, QuickTime) start with a box whose type sits at bytes 4 to 8. An "ftyp" box names
    // the brand: "qt  " is QuickTime. Older QuickTime files start with a movie, data or padding box instead.
    private static SniffedType? SniffIsoMedia(ReadOnlySpan<byte> header)
    {
        if (header.Length < 12)
        {
            return null;
        }

        var boxType = header[4..8];
        if (boxType.SequenceEqual("ftyp"u8))
        {
            return header[8..12].SequenceEqual("qt  "u8)
                ? new("video/quicktime", AssetKind.Video)
                : new("video/mp4", AssetKind.Video);
        }

        if (boxType.SequenceEqual("moov"u8) || boxType.SequenceEqual("mdat"u8) || boxType.SequenceEqual("wide"u8))
        {
            return new("video/quicktime", AssetKind.Video);
        }

        return null;
    }

    // SVG is XML text, so it has no magic number. The root element must be <svg> after an optional byte order mark,
    // white space, XML declaration, comments and DOCTYPE. Anything else (HTML, plain text) is not SVG.
    private static bool LooksLikeSvg(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith("\uFEFF"u8))
        {
            header = header[3..];
        }

        var text = Encoding.UTF8.GetString(header);
        var index = 0;
        while (index < text.Length)
        {
            while (index < text.Length && char.IsWhiteSpace(text[index]))
            {
                index++;
            }

            var rest = text.AsSpan(index);
            if (rest.StartsWith("<svg", StringComparison.Ordinal))
            {
                return rest.Length == 4 || char.IsWhiteSpace(rest[4]) || rest[4] is '>' or '/';
            }

            var terminator = rest.StartsWith("<?xml", StringComparison.Ordinal) ? "?>"
                : rest.StartsWith("<!--", StringComparison.Ordinal) ? "-->"
                : rest.StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) ? ">"
                : null;
            var end = terminator is null ? -1 : rest.IndexOf(terminator, StringComparison.Ordinal);
            if (end < 0)
            {
                return false;
            }

            index += end + terminator!.Length;
        }

        return false;
    }
}
