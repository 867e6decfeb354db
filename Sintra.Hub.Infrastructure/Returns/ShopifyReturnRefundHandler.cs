using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Core.Returns;
using Sintra.Hub.Infrastructure.Orders;
using Sintra.Hub.Infrastructure.Outbox;
using Sintra.Hub.Infrastructure.Shopify.Admin;

namespace Sintra.Hub.Infrastructure.Returns;

/// <summary>
/// Refunds a received return on Shopify with <c>refundCreate</c>, to the order's first successful sale or capture.
/// The amount is the return's refund, capped by <see cref="ReturnService.RefundCapAsync"/> once more in case other
/// refunds arrived since, and the call carries the row's idempotency key, so a resent call refunds once.
/// </summary>
public sealed class ShopifyReturnRefundHandler(
    HubDbContext db,
    ShopifyOrderChannel channels,
    ReturnService returns,
    TimeProvider clock) : IOutboxHandler
{
    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var request = await db.Set<ReturnRequest>()
            .SingleOrDefaultAsync(r => r.Id == message.EntityId, cancellationToken)
            ?? throw new OutboxPermanentFailureException($"Return {message.EntityId} was not found.");
        if (request.RefundAmount <= 0)
        {
            return;
        }

        var order = await db.Orders.SingleAsync(o => o.Id == request.OrderId, cancellationToken);

        // The hub keeps amounts in the shop currency, while Shopify refunds in the presentment currency.
        if (!string.Equals(order.Currency, order.PresentmentCurrency, StringComparison.Ordinal))
        {
            throw new OutboxPermanentFailureException(
                $"Order {order.Name} was paid in {order.PresentmentCurrency}, but the refund of return "
                + $"{request.Number} is in {order.Currency}. Refund it in the Shopify admin.");
        }

        var amount = Math.Min(request.RefundAmount, await returns.RefundCapAsync(request, cancellationToken));
        if (amount <= 0)
        {
            throw new OutboxPermanentFailureException(
                $"Order {order.Name} has nothing left to refund, so return {request.Number} was not refunded on Shopify.");
        }

        var client = await channels.CreateClientAsync(request.ChannelId, cancellationToken);
        var returnable = ShopifyOrderChannel.Unwrap(
            await client.GetReturnableOrderAsync(order.ExternalId, cancellationToken), "read the payments of", order)
            ?? throw new OutboxPermanentFailureException($"Order {order.Name} was not found on Shopify.");
        // NOTE: the whole amount goes to the first sale or capture, so an order paid in parts (a gift card and a
        // card) can be rejected when that transaction is smaller than the refund.
        var parent = returnable.Transactions.FirstOrDefault(t => t.Kind is "SALE" or "CAPTURE" && t.Status == "SUCCESS")
            ?? throw new OutboxPermanentFailureException(
                $"Order {order.Name} has no successful sale or capture on Shopify to refund.");

        var key = message.IdempotencyKey ?? message.Id.ToString();
        var outcome = ShopifyOrderChannel.Unwrap(await client.CreateRefundAsync(
            new ShopifyRefundRequest(order.ExternalId, amount, order.Currency, parent.Id, parent.Gateway,
                $"Return {request.Number}", key),
            cancellationToken), $"refund return {request.Number} of", order);
        if (!outcome.Applied)
        {
            throw new OutboxPermanentFailureException(
                $"Shopify rejected the refund of return {request.Number} of order {order.Name}: "
                + ShopifyOrderChannel.Describe(outcome));
        }

        db.Add(new ReturnEvent
        {
            ReturnRequestId = request.Id,
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            Kind = "push:refund",
            Message = string.Create(CultureInfo.InvariantCulture,
                $"Refund of {amount:0.00##} {order.Currency} created on Shopify as {outcome.Id}."),
            Actor = "channel",
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
