using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Core.Webhooks;

namespace Sintra.Hub.Infrastructure.Shopify.Sync;

/// <summary>
/// Handles <c>inventory_levels/update</c>. A value equal to the hub's own last write is its echo, counted and
/// ignored. Any other value was changed in Shopify: it is recorded as drift for reconciliation to correct, and the
/// next push re-reads the level first. Neither case writes an outbox row, so a webhook never triggers a push.
/// </summary>
public sealed class InventoryLevelWebhookHandler(
    HubDbContext db,
    TimeProvider clock,
    ILogger<InventoryLevelWebhookHandler> logger)
{
    public const string Topic = "inventory_levels/update";

    public async Task<InboxStatus> HandleAsync(InboxMessage message, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<InventoryLevelPayload>(message.Body)
            ?? throw new JsonException("The inventory_levels/update body is not a JSON object.");
        var item = $"gid://shopify/InventoryItem/{payload.InventoryItemId}";
        var location = $"gid://shopify/Location/{payload.LocationId}";
        var state = await db.ShopifyLevelStates.SingleOrDefaultAsync(
            s => s.ChannelId == message.ChannelId && s.InventoryItemId == item && s.LocationId == location,
            cancellationToken);
        if (state is null || payload.Available is not { } available)
        {
            return InboxStatus.Ignored;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (available == state.LastWrittenAvailable)
        {
            state.EchoCount++;
            state.LastEchoAt = now;
            await db.SaveChangesAsync(cancellationToken);
            StockSyncLog.EchoIgnored(logger, message.Id, item, location);
            return InboxStatus.Ignored;
        }

        db.ShopifyStockDrifts.Add(new ShopifyStockDrift
        {
            ChannelId = message.ChannelId,
            VariantId = state.VariantId,
            InventoryItemId = item,
            LocationId = location,
            Expected = state.LastWrittenAvailable,
            Actual = available,
            Source = DriftSource.Webhook,
            DetectedAt = now,
        });

        // The webhook carries available, not on hand, so the next write reads on hand before comparing with it.
        state.KnownOnHand = null;
        await db.SaveChangesAsync(cancellationToken);
        StockSyncLog.WebhookDrift(logger, message.Id, item, location, available, state.LastWrittenAvailable);
        return InboxStatus.Processed;
    }

    private sealed record InventoryLevelPayload(
        [property: System.Text.Json.Serialization.JsonPropertyName("inventory_item_id")] long InventoryItemId,
        [property: System.Text.Json.Serialization.JsonPropertyName("location_id")] long LocationId,
        [property: System.Text.Json.Serialization.JsonPropertyName("available")] int? Available);
}
