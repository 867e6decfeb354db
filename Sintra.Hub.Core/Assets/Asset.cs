using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Assets;

/// <summary>
/// A file of the digital asset library, stored by an <see cref="IAssetStore"/>. Titles and alt texts in Italian and
/// English are columns of the asset itself, because an asset has exactly these two locales and no other entity reads
/// them through the catalog translation table.
/// </summary>
public class Asset : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>File name as uploaded, reduced to safe characters; also the last segment of the public URL.</summary>
    public required string FileName { get; set; }

    /// <summary>Media type found from the file's first bytes, never from its extension or the browser.</summary>
    public required string ContentType { get; set; }

    public AssetKind Kind { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>SHA-256 of the content as 64 lower-case hex digits, used to find duplicate uploads.</summary>
    public required string Sha256 { get; set; }

    public int? Width { get; set; }

    public int? Height { get; set; }

    public Guid? FolderId { get; set; }

    /// <summary>Comma-separated tags, trimmed, without duplicates.</summary>
    public string? Tags { get; set; }

    public string? TitleIt { get; set; }

    public string? TitleEn { get; set; }

    public string? AltTextIt { get; set; }

    public string? AltTextEn { get; set; }

    /// <summary>Store key of the original file.</summary>
    public required string StorageKey { get; set; }

    /// <summary>Store key of the thumbnail, or null when the file is not a raster image.</summary>
    public string? ThumbnailKey { get; set; }

    /// <summary>Public URL of the original, the value copied into <c>ProductImage.Src</c>.</summary>
    public required string PublicUrl { get; set; }

    public string? ThumbnailUrl { get; set; }

    /// <summary>User name of the uploader, or the import that downloaded the file.</summary>
    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public long Version { get; set; }
}

/// <summary>Broad type of an asset, used by the library's type filter.</summary>
public enum AssetKind
{
    Image,
    Vector,
    Document,
    Video,
    Other,
}

/// <summary>A folder of the asset library; folders form a tree through <see cref="ParentId"/>.</summary>
public class AssetFolder : IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid? ParentId { get; set; }

    public required string Name { get; set; }

    public DateTime CreatedAt { get; set; }

    public long Version { get; set; }
}
