using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Infrastructure.Shopify.Sync;

/// <summary>Result of reconciling one channel.</summary>
public sealed record ReconciliationResult(Guid ChannelId, int Checked, int Drifts, string? Error);

/// <summary>
/// Reads Shopify's on hand of every linked item, records each one that differs from the hub's target as drift, and
/// corrects the differences with a push.
/// </summary>
public sealed class StockReconciliationService(
    HubDbContext db,
    StockPushService push,
    StockPushPlanner planner,
    ShopifyChannelClients clients,
    VariantLinkResolver links,
    TimeProvider clock,
    ILogger<StockReconciliationService> logger)
{
    public async Task<List<ReconciliationResult>> RunAllAsync(CancellationToken cancellationToken)
    {
        var results = new List<ReconciliationResult>();
        foreach (var channel in await push.LoadEnabledChannelsAsync(cancellationToken))
        {
            results.Add(await RunAsync(channel, cancellationToken));
        }

        return results;
    }

    public async Task<ReconciliationResult> RunAsync(SyncChannel target, CancellationToken cancellationToken)
    {
        var (channel, sync, locations) = target;
        var (client, clientError) = clients.Create(channel, sync);
        if (client is null || locations.Count == 0)
        {
            return Fail(channel.Id, clientError ?? $"Channel {channel.Name} has no Shopify location mapped.");
        }

        // Every variant stocked in a source is checked, so that stock the hub never pushed is found too.
        var sources = ChannelStock.ReservationOrder(channel);
        var stocked = await db.InventoryLevels.AsNoTracking()
            .Where(l => sources.Contains(l.WarehouseId))
            .Select(l => l.VariantId)
            .Distinct()
            .ToListAsync(cancellationToken);
        var resolved = await links.ResolveAsync(client, channel.Id, stocked, cancellationToken);
        if (resolved.Error is not null)
        {
            return Fail(channel.Id, resolved.Error.Message);
        }

        var items = resolved.Value!.Values.Where(l => l.InventoryItemId is not null)
            .ToDictionary(l => l.VariantId, l => l.InventoryItemId!);
        var targets = (await planner.PlanAsync(channel, locations, items.Keys, cancellationToken))
            .Select(t => (Target: t, InventoryItemId: items[t.VariantId]))
            .ToList();
        var states = await LevelStates.LoadAsync(db, channel.Id, targets, cancellationToken);
        var read = await LevelStates.ReadAsync(client, states.Values, clock, cancellationToken);
        if (read.Error is not null)
        {
            return Fail(channel.Id, read.Error);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var drifts = 0;
        foreach (var (pushTarget, item) in targets)
        {
            var state = states[(item, pushTarget.LocationId)];
            if (state.KnownOnHand is { } actual && actual != pushTarget.OnHand)
            {
                drifts++;
                db.ShopifyStockDrifts.Add(new ShopifyStockDrift
                {
                    ChannelId = channel.Id,
                    VariantId = pushTarget.VariantId,
                    InventoryItemId = item,
                    LocationId = pushTarget.LocationId,
                    Expected = pushTarget.OnHand,
                    Actual = actual,
                    Source = DriftSource.Reconciliation,
                    DetectedAt = now,
                });
            }
        }

        // Drifts whose level now matches the hub's figure, for example a late echo, were settled without a push.
        var matching = targets
            .Where(t => states[(t.InventoryItemId, t.Target.LocationId)].KnownOnHand == t.Target.OnHand)
            .Select(t => (t.InventoryItemId, t.Target.LocationId))
            .ToHashSet();
        var open = await db.ShopifyStockDrifts.Where(d => d.ChannelId == channel.Id && d.CorrectedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var drift in open.Where(d => matching.Contains((d.InventoryItemId, d.LocationId))))
        {
            drift.CorrectedAt = now;
        }

        sync.LastReconciledAt = now;
        await db.SaveChangesAsync(cancellationToken);
        StockSyncLog.Reconciled(logger, channel.Id, targets.Count, drifts);
        if (drifts > 0)
        {
            var runId = $"reconcile-{Guid.NewGuid():N}";
            var result = await push.PushAsync(target, items.Keys, runId, runId, cancellationToken);
            if (result.Error is not null)
            {
                return Fail(channel.Id, result.Error, targets.Count, drifts);
            }
        }

        return new ReconciliationResult(channel.Id, targets.Count, drifts, null);
    }

    private ReconciliationResult Fail(Guid channelId, string error, int @checked = 0, int drifts = 0)
    {
        StockSyncLog.ReconcileFailed(logger, channelId, error);
        return new ReconciliationResult(channelId, @checked, drifts, error);
    }
}
