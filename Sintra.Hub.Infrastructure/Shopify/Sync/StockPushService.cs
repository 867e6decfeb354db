using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Infrastructure.Shopify.Sync;

/// <summary>Outcome of a push to one channel.</summary>
/// <param name="Error">What stopped the push; the caller retries it later. Null on success or when skipped.</param>
/// <param name="VariantErrors">Variants that were not written and why, for example an unknown SKU.</param>
public sealed record StockPushResult(string? Error, IReadOnlyDictionary<Guid, string> VariantErrors, int Written)
{
    public static readonly StockPushResult Skipped = new(null, new Dictionary<Guid, string>(), 0);

    public static StockPushResult Failed(string error) => new(error, new Dictionary<Guid, string>(), 0);
}

/// <summary>A Shopify channel loaded with what a push needs.</summary>
public sealed record SyncChannel(SalesChannel Channel, ShopifyChannelSync Sync, List<ShopifyLocationMapping> Locations)
{
    /// <summary>Warehouses whose stock reaches the channel: its sources, or its order warehouse alone.</summary>
    public bool SellsFrom(Guid warehouseId) =>
        Channel.StockSources.Any(s => s.WarehouseId == warehouseId) || Channel.OrderWarehouseId == warehouseId;

    /// <summary>Loads the channel with its sources, sync settings and location mappings, or null.</summary>
    public static async Task<SyncChannel?> LoadAsync(HubDbContext db, Guid channelId,
        CancellationToken cancellationToken)
    {
        var channel = await db.Channels.Include(c => c.StockSources)
            .SingleOrDefaultAsync(c => c.Id == channelId, cancellationToken);
        var sync = await db.ShopifySyncs.SingleOrDefaultAsync(s => s.ChannelId == channelId, cancellationToken);
        if (channel is null || sync is null)
        {
            return null;
        }

        var locations = await db.ShopifyLocations.Where(l => l.ChannelId == channelId)
            .OrderBy(l => l.LocationName).ToListAsync(cancellationToken);
        return new SyncChannel(channel, sync, locations);
    }
}

/// <summary>Pushes the stock of variants to one Shopify channel.</summary>
public sealed class StockPushService(
    HubDbContext db,
    StockPushPlanner planner,
    ShopifyChannelClients clients,
    VariantLinkResolver links,
    StockLevelWriter writer,
    TimeProvider clock,
    ILogger<StockPushService> logger)
{
    /// <summary>Loads every channel whose stock push is enabled.</summary>
    public async Task<List<SyncChannel>> LoadEnabledChannelsAsync(CancellationToken cancellationToken)
    {
        var syncs = await db.ShopifySyncs.Where(s => s.PushEnabled).ToListAsync(cancellationToken);
        var result = new List<SyncChannel>();
        foreach (var sync in syncs)
        {
            if (await LoadAsync(sync.ChannelId, cancellationToken) is { } channel)
            {
                result.Add(channel);
            }
        }

        return result;
    }

    /// <summary>Loads the channel with its sources, sync settings and location mappings, or null.</summary>
    public Task<SyncChannel?> LoadAsync(Guid channelId, CancellationToken cancellationToken) =>
        SyncChannel.LoadAsync(db, channelId, cancellationToken);

    /// <summary>
    /// Writes the on hand of the given variants to every mapped location of the channel, reusing
    /// <paramref name="idempotencyKey"/> so that a retried push is applied once.
    /// </summary>
    public async Task<StockPushResult> PushAsync(
        SyncChannel target,
        IReadOnlyCollection<Guid> variantIds,
        string idempotencyKey,
        string referenceId,
        CancellationToken cancellationToken)
    {
        var (channel, sync, locations) = target;
        var (client, clientError) = clients.Create(channel, sync);
        if (client is null)
        {
            return await FailAsync(target, referenceId, clientError!, cancellationToken);
        }

        if (locations.Count == 0)
        {
            return await FailAsync(target, referenceId,
                $"Channel {channel.Name} has no Shopify location mapped; map one on the channel sync page.",
                cancellationToken);
        }

        var resolved = await links.ResolveAsync(client, channel.Id, variantIds, cancellationToken);
        if (resolved.Error is not null)
        {
            return await FailAsync(target, referenceId, resolved.Error.Message, cancellationToken);
        }

        var variantErrors = resolved.Value!.Values.Where(l => l.InventoryItemId is null)
            .ToDictionary(l => l.VariantId, l => l.Error ?? "No Shopify inventory item.");
        var items = resolved.Value!.Values.Where(l => l.InventoryItemId is not null)
            .ToDictionary(l => l.VariantId, l => l.InventoryItemId!);
        var targets = (await planner.PlanAsync(channel, locations, items.Keys, cancellationToken))
            .Select(t => (Target: t, InventoryItemId: items[t.VariantId]))
            .ToList();

        var (error, writeErrors, written) = await writer.WriteAsync(
            client, channel.Id, targets, idempotencyKey, referenceId, cancellationToken);
        foreach (var (variantId, message) in writeErrors)
        {
            variantErrors[variantId] = message;
        }

        if (error is not null)
        {
            return await FailAsync(target, referenceId, error, cancellationToken);
        }

        sync.LastSuccessAt = clock.GetUtcNow().UtcDateTime;
        sync.LastError = variantErrors.Count == 0 ? null : string.Join(" ", variantErrors.Values.Distinct().Take(5));
        sync.LastErrorAt = variantErrors.Count == 0 ? sync.LastErrorAt : sync.LastSuccessAt;
        await db.SaveChangesAsync(cancellationToken);
        StockSyncLog.Pushed(logger, channel.Id, referenceId, written, variantErrors.Count);
        return new StockPushResult(null, variantErrors, written);
    }

    private async Task<StockPushResult> FailAsync(
        SyncChannel target,
        string referenceId,
        string error,
        CancellationToken cancellationToken)
    {
        target.Sync.LastError = error.Length > 4000 ? error[..4000] : error;
        target.Sync.LastErrorAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        StockSyncLog.PushFailed(logger, target.Channel.Id, referenceId, error);
        return StockPushResult.Failed(error);
    }
}
