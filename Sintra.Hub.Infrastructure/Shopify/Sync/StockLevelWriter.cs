using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Shopify.Admin;

namespace Sintra.Hub.Infrastructure.Shopify.Sync;

/// <summary>
/// Writes on-hand targets to Shopify with <c>changeFromQuantity</c> set to the on hand the hub last wrote or read.
/// When Shopify's quantity moved in between, it re-reads the stale items, records the drift and writes again.
/// </summary>
public sealed class StockLevelWriter(
    HubDbContext db,
    IOptions<StockSyncOptions> options,
    TimeProvider clock,
    ILogger<StockLevelWriter> logger)
{
    private const string KeyMismatch = "IDEMPOTENCY_KEY_PARAMETER_MISMATCH";

    /// <summary>
    /// Writes every target whose on hand differs from Shopify's known on hand. Returns the error that stopped the
    /// write, or null, plus the variants that could not be written and why.
    /// </summary>
    public async Task<(string? Error, Dictionary<Guid, string> VariantErrors, int Written)> WriteAsync(
        ShopifyAdminClient client,
        Guid channelId,
        IReadOnlyList<(PushTarget Target, string InventoryItemId)> targets,
        string idempotencyKey,
        string referenceId,
        CancellationToken cancellationToken)
    {
        var variantErrors = new Dictionary<Guid, string>();
        var states = await LevelStates.LoadAsync(db, channelId, targets, cancellationToken);
        var unread = states.Values.Where(s => s.KnownOnHand is null).ToList();
        var read = await LevelStates.ReadAsync(client, unread, clock, cancellationToken);
        if (read.Error is not null)
        {
            await db.SaveChangesAsync(cancellationToken);
            return (read.Error, variantErrors, 0);
        }

        foreach (var state in read.NotStocked)
        {
            variantErrors[state.VariantId] =
                $"Inventory item {state.InventoryItemId} is not stocked at Shopify location {state.LocationId}.";
        }

        var key = idempotencyKey;
        var written = 0;
        for (var attempt = 0; attempt <= options.Value.MaxCompareRetries; attempt++)
        {
            var pending = targets
                .Select(t => (t.Target, State: states[(t.InventoryItemId, t.Target.LocationId)]))
                .Where(p => p.State.KnownOnHand is { } known && known != p.Target.OnHand)
                .ToList();
            if (pending.Count == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
                return (null, variantErrors, written);
            }

            var quantities = pending.Select(p => new OnHandQuantity(
                p.State.InventoryItemId, p.State.LocationId, p.Target.OnHand, p.State.KnownOnHand)).ToList();
            var request = new SetOnHandQuantitiesRequest(quantities, ShopifyInventoryReasons.Correction,
                ShopifyReferences.StockPush(referenceId), key);
            var sent = await client.SetOnHandQuantitiesAsync(request, cancellationToken);
            if (sent.Error is not null)
            {
                await db.SaveChangesAsync(cancellationToken);
                return (sent.Error.Message, variantErrors, written);
            }

            var outcome = sent.Value!;
            var applied = pending.Take(outcome.AppliedBatches * ShopifyAdminClient.MaxPageSize).ToList();
            await RecordWrittenAsync(channelId, applied, outcome.Changes, cancellationToken);
            written += applied.Count;

            switch (outcome.Status)
            {
                case SetQuantitiesStatus.Applied:
                    continue;
                case SetQuantitiesStatus.CompareFailed:
                    var stale = outcome.StaleQuantities
                        .Select(q => states[(q.InventoryItemId, q.LocationId)]).ToList();
                    var reread = await LevelStates.RereadAsync(db, client, channelId, stale, clock, cancellationToken);
                    if (reread is not null)
                    {
                        await db.SaveChangesAsync(cancellationToken);
                        return (reread, variantErrors, written);
                    }

                    StockSyncLog.CompareFailed(logger, channelId, referenceId, stale.Count);
                    key = $"{idempotencyKey}-c{attempt + 1}";
                    continue;
                default:
                    if (outcome.UserErrors.Any(e => e.Code == KeyMismatch))
                    {
                        // The stored key went with different quantities, because the hub's stock changed since
                        // the call it was first used for. Those quantities are no longer wanted, so a new key is.
                        key = $"{idempotencyKey}-{Guid.NewGuid():N}";
                        continue;
                    }

                    await db.SaveChangesAsync(cancellationToken);
                    var messages = string.Join("; ", outcome.UserErrors.Select(e => $"{e.Code}: {e.Message}"));
                    return ($"Shopify rejected the quantities: {messages}", variantErrors, written);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return ($"Shopify's on hand kept changing; gave up after {options.Value.MaxCompareRetries} re-reads.",
            variantErrors, written);
    }

    private async Task RecordWrittenAsync(
        Guid channelId,
        List<(PushTarget Target, ShopifyLevelState State)> applied,
        IReadOnlyList<InventoryChange> changes,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var available = changes.Where(c => c.Name == "available" && c.QuantityAfterChange is not null)
            .GroupBy(c => (c.InventoryItemId, c.LocationId))
            .ToDictionary(g => g.Key, g => g.Last().QuantityAfterChange!.Value);
        foreach (var (target, state) in applied)
        {
            state.KnownOnHand = target.OnHand;
            state.LastWrittenOnHand = target.OnHand;

            // Without an available change in the response, Shopify's committed units are taken to equal the hub's
            // reserved units, which leaves the channel stock as available.
            state.LastWrittenAvailable = available.TryGetValue((state.InventoryItemId, state.LocationId), out var after)
                ? after
                : target.ChannelStock;
            state.LastWrittenAt = now;
        }

        // Drifts are saved when recorded, so the query finds every open one, including this run's.
        var written = applied.Select(a => (a.State.InventoryItemId, a.State.LocationId)).ToHashSet();
        var items = written.Select(w => w.InventoryItemId).Distinct().ToList();
        var open = await db.ShopifyStockDrifts
            .Where(d => d.ChannelId == channelId && d.CorrectedAt == null && items.Contains(d.InventoryItemId))
            .ToListAsync(cancellationToken);
        foreach (var drift in open.Where(d => written.Contains((d.InventoryItemId, d.LocationId))))
        {
            drift.CorrectedAt = now;
        }
    }
}
