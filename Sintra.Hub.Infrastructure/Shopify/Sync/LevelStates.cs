using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Shopify.Admin;

namespace Sintra.Hub.Infrastructure.Shopify.Sync;

/// <summary>Loads, reads and refreshes the per item and location state the hub keeps of Shopify's on hand.</summary>
internal static class LevelStates
{
    /// <summary>Returns the tracked state of every target, adding a state for targets seen for the first time.</summary>
    public static async Task<Dictionary<(string Item, string Location), ShopifyLevelState>> LoadAsync(
        HubDbContext db,
        Guid channelId,
        IReadOnlyList<(PushTarget Target, string InventoryItemId)> targets,
        CancellationToken cancellationToken)
    {
        var items = targets.Select(t => t.InventoryItemId).Distinct().ToList();
        var states = await db.ShopifyLevelStates
            .Where(s => s.ChannelId == channelId && items.Contains(s.InventoryItemId))
            .ToDictionaryAsync(s => (s.InventoryItemId, s.LocationId), cancellationToken);
        foreach (var (target, item) in targets)
        {
            if (!states.ContainsKey((item, target.LocationId)))
            {
                var state = new ShopifyLevelState
                {
                    ChannelId = channelId,
                    VariantId = target.VariantId,
                    InventoryItemId = item,
                    LocationId = target.LocationId,
                };
                db.ShopifyLevelStates.Add(state);
                states[(item, target.LocationId)] = state;
            }
        }

        return states;
    }

    /// <summary>
    /// Reads Shopify's on hand of each state into <see cref="ShopifyLevelState.KnownOnHand"/>. Returns the error of a
    /// failed read, or the states whose item is not stocked at their location, whose known on hand becomes null.
    /// </summary>
    public static async Task<(string? Error, List<ShopifyLevelState> NotStocked)> ReadAsync(
        ShopifyAdminClient client,
        IReadOnlyCollection<ShopifyLevelState> states,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var notStocked = new List<ShopifyLevelState>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var location in states.GroupBy(s => s.LocationId))
        {
            var levels = await client.GetInventoryLevelsAsync(
                location.Select(s => s.InventoryItemId), location.Key, cancellationToken);
            if (levels.Error is not null)
            {
                return (levels.Error.Message, notStocked);
            }

            var byItem = levels.Value!.ToDictionary(l => l.InventoryItemId, StringComparer.Ordinal);
            foreach (var state in location)
            {
                state.KnownOnHand = byItem.TryGetValue(state.InventoryItemId, out var level) ? level.OnHand : null;
                state.LastReadAt = now;
                if (state.KnownOnHand is null)
                {
                    notStocked.Add(state);
                }
            }
        }

        return (null, notStocked);
    }

    /// <summary>
    /// Re-reads states whose <c>changeFromQuantity</c> was stale and records a drift for each quantity that moved.
    /// Returns the error of a failed read, or null.
    /// </summary>
    public static async Task<string?> RereadAsync(
        HubDbContext db,
        ShopifyAdminClient client,
        Guid channelId,
        IReadOnlyCollection<ShopifyLevelState> stale,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var expected = stale.ToDictionary(s => s, s => s.KnownOnHand);
        var read = await ReadAsync(client, stale, clock, cancellationToken);
        if (read.Error is not null)
        {
            return read.Error;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var state in stale.Where(s => s.KnownOnHand is not null && s.KnownOnHand != expected[s]))
        {
            db.ShopifyStockDrifts.Add(new ShopifyStockDrift
            {
                ChannelId = channelId,
                VariantId = state.VariantId,
                InventoryItemId = state.InventoryItemId,
                LocationId = state.LocationId,
                Expected = expected[state],
                Actual = state.KnownOnHand!.Value,
                Source = DriftSource.CompareFailed,
                DetectedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
