using System.ComponentModel.DataAnnotations;

namespace Sintra.Hub.Web.Returns;

/// <summary>The <c>Returns</c> section: limits of the public returns page.</summary>
public sealed class ReturnsOptions
{
    public const string SectionName = "Returns";

    /// <summary>Order look-ups one IP address may make per minute.</summary>
    [Range(1, 10_000)]
    public int LookupsPerIpPerMinute { get; set; } = 10;

    /// <summary>Order look-ups all visitors of one channel's page may make together per minute.</summary>
    [Range(1, 100_000)]
    public int LookupsPerChannelPerMinute { get; set; } = 300;

    /// <summary>Minutes a found order stays open in the form before the customer must look it up again.</summary>
    [Range(1, 240)]
    public int FormMinutes { get; set; } = 30;

    [Range(0, 10)]
    public int MaxPhotos { get; set; } = 3;

    /// <summary>Largest photo accepted, in bytes.</summary>
    [Range(1024, 50 * 1024 * 1024)]
    public long MaxPhotoBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Folder of the photos; a relative path is taken under the hub's data folder.</summary>
    [Required]
    public string PhotoFolder { get; set; } = "returns/photos";
}
