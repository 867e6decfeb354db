using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Infrastructure.Shopify.Sync;

/// <summary>Push state of one channel for the sync page.</summary>
public sealed record ChannelSyncStatus(
    Guid ChannelId,
    string ChannelName,
    bool PushEnabled,
    int PendingRows,
    int FailedRows,
    DateTime? LastSuccessAt,
    DateTime? LastErrorAt,
    string? LastError,
    DateTime? LastReconciledAt,
    IReadOnlyList<DriftRow> OpenDrifts,
    IReadOnlyList<LinkErrorRow> LinkErrors);

public sealed record DriftRow(string? Sku, string InventoryItemId, string LocationId, int? Expected, int Actual,
    DriftSource Source, DateTime DetectedAt);

public sealed record LinkErrorRow(string Sku, string Error);

/// <summary>What a channel was last sent for one variant and how the hub's figure is made up now.</summary>
public sealed record VariantChannelPush(string ChannelName, IReadOnlyList<PushTarget> Targets,
    IReadOnlyDictionary<string, int?> LastWrittenByLocation, string? LinkError);

/// <summary>Reads the push state shown on the sync page and on the product page.</summary>
public sealed class StockSyncStatusService(IDbContextFactory<HubDbContext> contexts)
{
    public async Task<List<ChannelSyncStatus>> GetAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Topic == OutboxTopics.StockChanged && m.Status != OutboxStatus.Done)
            .Select(m => new { m.Status, m.Payload })
            .ToListAsync(cancellationToken);
        var result = new List<ChannelSyncStatus>();
        foreach (var sync in await db.ShopifySyncs.AsNoTracking().ToListAsync(cancellationToken))
        {
            if (await SyncChannel.LoadAsync(db, sync.ChannelId, cancellationToken) is not { } channel)
            {
                continue;
            }

            var own = rows.Where(r => Guid.TryParse(r.Payload, out var w) && channel.SellsFrom(w)).ToList();
            result.Add(new ChannelSyncStatus(
                sync.ChannelId,
                channel.Channel.Name,
                sync.PushEnabled,
                own.Count(r => r.Status != OutboxStatus.Failed),
                own.Count(r => r.Status == OutboxStatus.Failed),
                sync.LastSuccessAt,
                sync.LastErrorAt,
                sync.LastError,
                sync.LastReconciledAt,
                await DriftsAsync(db, sync.ChannelId, cancellationToken),
                await db.ShopifyVariantLinks.AsNoTracking()
                    .Where(l => l.ChannelId == sync.ChannelId && l.Error != null)
                    .OrderBy(l => l.Sku)
                    .Select(l => new LinkErrorRow(l.Sku, l.Error!))
                    .ToListAsync(cancellationToken)));
        }

        return result;
    }

    /// <summary>Returns, per Shopify channel, the figure behind one variant's on hand and the last value written.</summary>
    public async Task<List<VariantChannelPush>> GetVariantAsync(Guid variantId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var planner = new StockPushPlanner(db, new ChannelStock(db));
        var result = new List<VariantChannelPush>();
        foreach (var sync in await db.ShopifySyncs.AsNoTracking().ToListAsync(cancellationToken))
        {
            if (await SyncChannel.LoadAsync(db, sync.ChannelId, cancellationToken) is not { } channel)
            {
                continue;
            }

            var targets = await planner.PlanAsync(channel.Channel, channel.Locations, [variantId], cancellationToken);
            var written = await db.ShopifyLevelStates.AsNoTracking()
                .Where(s => s.ChannelId == sync.ChannelId && s.VariantId == variantId)
                .ToDictionaryAsync(s => s.LocationId, s => s.LastWrittenOnHand, cancellationToken);
            var linkError = await db.ShopifyVariantLinks.AsNoTracking()
                .Where(l => l.ChannelId == sync.ChannelId && l.VariantId == variantId)
                .Select(l => l.Error)
                .FirstOrDefaultAsync(cancellationToken);
            result.Add(new VariantChannelPush(channel.Channel.Name, targets, written, linkError));
        }

        return result;
    }

    private static async Task<List<DriftRow>> DriftsAsync(
        HubDbContext db, Guid channelId, CancellationToken cancellationToken)
    {
        var drifts = await db.ShopifyStockDrifts.AsNoTracking()
            .Where(d => d.ChannelId == channelId && d.CorrectedAt == null)
            .ToListAsync(cancellationToken);
        var variantIds = drifts.Select(d => d.VariantId).OfType<Guid>().Distinct().ToList();
        var skus = await db.Variants.AsNoTracking().Where(v => variantIds.Contains(v.Id))
            .ToDictionaryAsync(v => v.Id, v => v.Sku, cancellationToken);
        return drifts.OrderByDescending(d => d.DetectedAt).Take(200)
            .Select(d => new DriftRow(d.VariantId is { } id ? skus.GetValueOrDefault(id) : null, d.InventoryItemId,
                d.LocationId, d.Expected, d.Actual, d.Source, d.DetectedAt))
            .ToList();
    }
}
