using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Orders.Shipping;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Outbox;

namespace Sintra.Hub.Infrastructure.Orders;

/// <summary>Pushes a cancellation decided in the hub to Shopify with <c>orderCancel</c>.</summary>
public sealed class ShopifyOrderCancelHandler(HubDbContext db, ShopifyOrderChannel channels, TimeProvider clock)
    : IOutboxHandler
{
    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == message.EntityId, cancellationToken)
            ?? throw new OutboxPermanentFailureException($"Order {message.EntityId} was not found.");
        var push = JsonSerializer.Deserialize<OrderCancelPush>(message.Payload ?? "null")
            ?? throw new OutboxPermanentFailureException($"Outbox row {message.Id} has no cancellation payload.");
        var client = await channels.CreateClientAsync(order.ChannelId, cancellationToken);
        var outcome = ShopifyOrderChannel.Unwrap(
            await client.CancelOrderAsync(order.ExternalId, push.Reason.ToString().ToUpperInvariant(), push.Refund,
                push.StaffNote, cancellationToken),
            "cancel", order);
        if (!outcome.Applied)
        {
            throw new OutboxPermanentFailureException(
                $"Shopify rejected the cancellation of order {order.Name}: {ShopifyOrderChannel.Describe(outcome)}");
        }

        db.OrderEvents.Add(new OrderEvent
        {
            OrderId = order.Id,
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            Kind = "push:cancel",
            Message = $"Cancellation ({push.Reason}, refund {(push.Refund ? "yes" : "no")}) sent to Shopify, job {outcome.Id}.",
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
