using System.ComponentModel.DataAnnotations;

namespace Sintra.Hub.Infrastructure.Assets;

/// <summary>The <c>Assets</c> section: where the asset library stores files and what it accepts.</summary>
public sealed class AssetOptions : IValidatableObject
{
    public const string SectionName = "Assets";

    public AssetStoreKind Store { get; set; } = AssetStoreKind.Local;

    /// <summary>Folder of the local store; relative paths are resolved against the hub's data folder.</summary>
    [Required]
    public string LocalFolder { get; set; } = "assets";

    /// <summary>
    /// Absolute base URL of the hub (for example <c>https://hub.example.it</c>) put in front of local asset paths, so
    /// that sales channels can download them. When empty, local assets get root-relative URLs such as
    /// <c>/assets/{id}/{name}</c>, which only the hub's own pages can use.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Azure Storage connection string of the blob store. A secret: it is never logged.</summary>
    public string? AzureConnectionString { get; set; }

    /// <summary>Blob container of the blob store, created with public read access to blobs when missing.</summary>
    public string AzureContainer { get; set; } = "assets";

    /// <summary>Base URL of a CDN in front of the container; when set, public URLs use it instead of the blob URL.</summary>
    public string? CdnBaseUrl { get; set; }

    /// <summary>Maximum size of one uploaded or downloaded file, in bytes. The default is 25 MB.</summary>
    [Range(1, 2L * 1024 * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>Media types accepted when <see cref="AllowedContentTypes"/> is empty.</summary>
    public static readonly IReadOnlyList<string> DefaultContentTypes =
    [
        "image/jpeg", "image/png", "image/gif", "image/webp", "image/svg+xml", "application/pdf", "video/mp4",
        "video/quicktime",
    ];

    /// <summary>
    /// Media types the library accepts, matched against the type found from the file's content. Empty means
    /// <see cref="DefaultContentTypes"/>. The list starts empty because the configuration binder appends configured
    /// items to a list's initial items instead of replacing them.
    /// </summary>
    public List<string> AllowedContentTypes { get; set; } = [];

    public IReadOnlyList<string> AcceptedContentTypes => AllowedContentTypes.Count > 0 ? AllowedContentTypes : DefaultContentTypes;

    /// <summary>Longest side of generated thumbnails, in pixels.</summary>
    [Range(32, 2048)]
    public int ThumbnailSize { get; set; } = 320;

    /// <summary>Time limit of one image download during a catalog import, in seconds.</summary>
    [Range(1, 600)]
    public int DownloadTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Lets catalog imports download from loopback and private network addresses. Off by default, because a CSV file
    /// could otherwise make the hub fetch from services on its own network.
    /// </summary>
    public bool AllowPrivateNetworkDownloads { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Store == AssetStoreKind.AzureBlob && string.IsNullOrWhiteSpace(AzureConnectionString))
        {
            yield return new ValidationResult(
                "Assets:AzureConnectionString is missing: set it, or set Assets:Store to Local.",
                [nameof(AzureConnectionString)]);
        }

        if (Store == AssetStoreKind.AzureBlob && !IsContainerName(AzureContainer))
        {
            yield return new ValidationResult(
                $"Assets:AzureContainer '{AzureContainer}' is invalid: use 3 to 63 lower-case letters, digits and hyphens.",
                [nameof(AzureContainer)]);
        }

        foreach (var (name, value) in new[] { (nameof(PublicBaseUrl), PublicBaseUrl), (nameof(CdnBaseUrl), CdnBaseUrl) })
        {
            if (!string.IsNullOrWhiteSpace(value) && !IsHttpUrl(value))
            {
                yield return new ValidationResult(
                    $"Assets:{name} '{value}' is invalid: use an absolute http or https URL.", [name]);
            }
        }
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static bool IsContainerName(string? name) =>
        name is { Length: >= 3 and <= 63 }
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && name[0] != '-' && name[^1] != '-' && !name.Contains("--", StringComparison.Ordinal);
}

public enum AssetStoreKind
{
    /// <summary>A folder under the data folder, served by the hub at <c>/assets/{id}/{name}</c>.</summary>
    Local,

    AzureBlob,
}
