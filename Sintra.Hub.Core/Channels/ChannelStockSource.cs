namespace Sintra.Hub.Core.Channels;

/// <summary>
/// A warehouse whose stock a channel sells. <see cref="Priority"/> orders the sources: order lines reserve in the
/// lowest first and fall back to the next when it runs short.
/// </summary>
public class ChannelStockSource
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ChannelId { get; set; }

    public Guid WarehouseId { get; set; }

    /// <summary>Position in the fallback order, starting at 1.</summary>
    public int Priority { get; set; }
}
