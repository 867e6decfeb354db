using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Channels;

/// <summary>
/// Admin API connection and stock push state of one Shopify channel. Its key is the channel id, so a channel has
/// at most one.
/// </summary>
public class ShopifyChannelSync : IVersioned
{
    public Guid ChannelId { get; set; }

    /// <summary>Admin API access token, encrypted with ASP.NET Core Data Protection; never shown back.</summary>
    public string? AccessTokenProtected { get; set; }

    /// <summary>Origin that replaces <c>https://{shop domain}</c>, for a local test server; null in production.</summary>
    public string? ApiBaseAddress { get; set; }

    /// <summary>Sends stock changes to the shop; when false, outbox rows for the channel are skipped.</summary>
    public bool PushEnabled { get; set; }

    public DateTime? LastSuccessAt { get; set; }

    public DateTime? LastErrorAt { get; set; }

    /// <summary>What failed in the last push or reconciliation; cleared by the next success.</summary>
    public string? LastError { get; set; }

    public DateTime? LastReconciledAt { get; set; }

    public long Version { get; set; }
}
