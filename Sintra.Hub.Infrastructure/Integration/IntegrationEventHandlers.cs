using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Integration;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Outbox;

namespace Sintra.Hub.Infrastructure.Integration;

/// <summary>Publishes <c>order.created</c> with the order's header and lines as they were first stored.</summary>
public sealed class OrderCreatedEventHandler(HubDbContext db, WebhookPublisher publisher) : IOutboxHandler
{
    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines)
            .SingleOrDefaultAsync(o => o.Id == message.EntityId, cancellationToken)
            ?? throw new OutboxPermanentFailureException($"Order {message.EntityId} of the event does not exist.");
        var data = new
        {
            order.Id,
            order.Name,
            order.ChannelId,
            Status = order.Status.ToString(),
            order.PlacedAt,
            order.Currency,
            order.TotalPrice,
            Lines = order.Lines.Select(l => new { l.Id, l.Sku, l.Title, l.Quantity, l.Price }).ToList(),
        };
        await publisher.PublishAsync(message, WebhookEvents.OrderCreated, data, cancellationToken);
    }
}

/// <summary>Publishes <c>order.shipped</c> with the shipment notice of the row as its data.</summary>
public sealed class OrderShippedEventHandler(WebhookPublisher publisher) : IOutboxHandler
{
    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(message.Payload))
        {
            throw new OutboxPermanentFailureException($"The order.shipped row {message.Id} has no shipment payload.");
        }

        JsonElement notice;
        try
        {
            notice = JsonSerializer.Deserialize<JsonElement>(message.Payload);
        }
        catch (JsonException exception)
        {
            throw new OutboxPermanentFailureException(
                $"The order.shipped row {message.Id} has a payload that is not JSON: {exception.Message}");
        }

        await publisher.PublishAsync(message, WebhookEvents.OrderShipped, notice, cancellationToken);
    }
}

/// <summary>
/// Publishes <c>stock.changed</c> for a variant with its levels at send time. The first due row of a variant marks
/// the variant's other waiting rows as done before it reads the levels, so the movements of one window leave one
/// event. A movement committed after the read keeps its row for the next event.
/// </summary>
public sealed class StockChangedEventHandler(HubDbContext db, WebhookPublisher publisher, TimeProvider clock)
    : IOutboxHandler
{
    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var variantId = message.EntityId
            ?? throw new OutboxPermanentFailureException($"The stock event row {message.Id} names no variant.");
        var current = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == message.Id)
            .Select(m => m.Status).SingleOrDefaultAsync(cancellationToken);
        if (current == OutboxStatus.Done)
        {
            // Absorbed by an earlier row of the same variant in this batch.
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await db.OutboxMessages
            .Where(m => m.Topic == IntegrationTopics.StockChangedEvent && m.EntityId == variantId && m.Id != message.Id
                && m.Status != OutboxStatus.Done && m.Status != OutboxStatus.Failed && m.CreatedAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Done)
                .SetProperty(m => m.ProcessedAt, now)
                .SetProperty(m => m.LastError, $"Merged into the event of row {message.Id}."), cancellationToken);

        var variant = await db.Variants.AsNoTracking().Where(v => v.Id == variantId)
            .Select(v => new { v.Id, v.Sku, v.ProductId }).SingleOrDefaultAsync(cancellationToken);
        if (variant is null)
        {
            return;
        }

        var levels = await (from level in db.InventoryLevels.AsNoTracking()
                            join warehouse in db.Warehouses.AsNoTracking() on level.WarehouseId equals warehouse.Id
                            where level.VariantId == variantId
                            orderby warehouse.Code
                            select new
                            {
                                level.WarehouseId,
                                WarehouseCode = warehouse.Code,
                                level.OnHand,
                                level.Reserved,
                                level.Unavailable,
                            })
            .ToListAsync(cancellationToken);
        var data = new
        {
            VariantId = variant.Id,
            variant.Sku,
            variant.ProductId,
            Available = levels.Sum(l => l.OnHand - l.Reserved - l.Unavailable),
            Warehouses = levels.Select(l => new
            {
                l.WarehouseId,
                l.WarehouseCode,
                l.OnHand,
                l.Reserved,
                l.Unavailable,
                Available = l.OnHand - l.Reserved - l.Unavailable,
            }).ToList(),
        };
        await publisher.PublishAsync(message, WebhookEvents.StockChanged, data, cancellationToken);
    }
}
