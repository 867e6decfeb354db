using System.ComponentModel.DataAnnotations;

namespace Sintra.Hub.Web.Configuration;

/// <summary>The <c>Hub</c> section: where the hub keeps its files.</summary>
public sealed class HubOptions
{
    public const string SectionName = "Hub";

    /// <summary>Folder for the SQLite database, Data Protection keys and local files; relative to the content root.</summary>
    [Required]
    public string DataFolder { get; set; } = "data";
}

/// <summary>The <c>DemoData</c> section: the sample shop loaded into an empty database.</summary>
public sealed class DemoDataOptions
{
    public const string SectionName = "DemoData";

    /// <summary>Loads a demo channel, two warehouses, a catalog and a few orders when the database has no channel.</summary>
    public bool Enabled { get; set; } = true;

    [Required]
    public string ShopDomain { get; set; } = "sintra-demo.myshopify.com";

    /// <summary>Webhook secret of the demo channel; use it to sign test deliveries.</summary>
    [Required]
    [MinLength(16)]
    public string WebhookSecret { get; set; } = "demo-webhook-secret-change-me";
}
