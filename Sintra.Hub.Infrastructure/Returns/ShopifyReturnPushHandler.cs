using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Core.Returns;
using Sintra.Hub.Infrastructure.Orders;
using Sintra.Hub.Infrastructure.Outbox;
using Sintra.Hub.Infrastructure.Shopify.Admin;

namespace Sintra.Hub.Infrastructure.Returns;

/// <summary>
/// Pushes a return change to Shopify: a customer's request with <c>returnRequest</c>, a staff-opened return with
/// <c>returnCreate</c>, then approval, decline and closing. The Shopify return id is stored on the hub return, so
/// that the <c>returns/*</c> webhook echo links to it instead of adding a second return.
/// </summary>
public sealed class ShopifyReturnPushHandler(HubDbContext db, ShopifyOrderChannel channels, TimeProvider clock)
    : IOutboxHandler
{
    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var request = await db.Set<ReturnRequest>().Include(r => r.Lines)
            .SingleOrDefaultAsync(r => r.Id == message.EntityId, cancellationToken)
            ?? throw new OutboxPermanentFailureException($"Return {message.EntityId} was not found.");
        var order = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.Id == request.OrderId, cancellationToken);
        var action = message.Payload;
        if (action is ReturnChannelActions.Request or ReturnChannelActions.Create)
        {
            if (request.ExternalId is not null)
            {
                return;
            }

            var client = await channels.CreateClientAsync(request.ChannelId, cancellationToken);
            await OpenAsync(client, request, order, action == ReturnChannelActions.Create, cancellationToken);
            return;
        }

        // Each row retries on its own schedule, so a decision row can run before the request row has succeeded.
        var returnId = request.ExternalId ?? throw new InvalidOperationException(
            $"Return {request.Number} has no Shopify return id yet; the {action} waits until its request reaches Shopify.");
        var shop = await channels.CreateClientAsync(request.ChannelId, cancellationToken);
        var outcome = action switch
        {
            ReturnChannelActions.Approve => await shop.ApproveReturnAsync(returnId, cancellationToken),
            ReturnChannelActions.Decline => await shop.DeclineReturnAsync(
                returnId, await DeclineReasonAsync(request, order, cancellationToken), request.RejectionReason,
                cancellationToken),
            ReturnChannelActions.Close => await shop.CloseReturnAsync(returnId, cancellationToken),
            _ => throw new OutboxPermanentFailureException(
                $"Outbox row {message.Id} has the unknown return action '{action}'."),
        };
        var applied = ShopifyOrderChannel.Unwrap(outcome, $"{action} return {request.Number} of", order);
        Settle(applied, action!, request, order, $"Return {request.Number} sent to Shopify: {action}.");
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task OpenAsync(ShopifyAdminClient client, ReturnRequest request, Order order, bool create,
        CancellationToken cancellationToken)
    {
        var returnable = ShopifyOrderChannel.Unwrap(
            await client.GetReturnableOrderAsync(order.ExternalId, cancellationToken),
            "read the fulfillments of", order)
            ?? throw new OutboxPermanentFailureException($"Order {order.Name} was not found on Shopify.");
        var lines = new List<ShopifyReturnLineInput>();
        foreach (var returned in request.Lines)
        {
            var orderLine = order.Lines.Single(l => l.Id == returned.OrderLineId);
            var lineItemId = ShopifyFulfillmentDocuments.LineItemGid(orderLine.ExternalId);
            var missing = returned.Quantity;
            foreach (var item in returnable.Lines.Where(l => l.LineItemId == lineItemId && l.Quantity > 0))
            {
                var take = Math.Min(missing, item.Quantity);
                lines.Add(new ShopifyReturnLineInput(item.Id, take, NoteFor(request, returned)));
                missing -= take;
                if (missing == 0)
                {
                    break;
                }
            }

            if (missing > 0)
            {
                throw new OutboxPermanentFailureException(
                    $"Return {request.Number} gives back {returned.Quantity} unit(s) of line {orderLine.ExternalId} "
                    + $"({orderLine.Sku}) of order {order.Name}, but Shopify lists {returned.Quantity - missing} "
                    + "fulfilled unit(s). Fulfill the order on Shopify first.");
            }
        }

        var input = new ShopifyReturnInput(order.ExternalId, lines);
        var outcome = create
            ? await client.CreateReturnAsync(input, cancellationToken)
            : await client.RequestReturnAsync(input, cancellationToken);
        var action = create ? ReturnChannelActions.Create : ReturnChannelActions.Request;
        var applied = ShopifyOrderChannel.Unwrap(outcome, $"{action} return {request.Number} for", order);
        request.ExternalId = applied.Applied ? ShopifyFulfillmentDocuments.NumericId(applied.Id) : null;
        Settle(applied, action, request, order,
            $"Return {request.Number} sent to Shopify as return {request.ExternalId}.");
        await db.SaveChangesAsync(cancellationToken);
    }

    private void Settle(ShopifyMutationOutcome outcome, string action, ReturnRequest request, Order order, string text)
    {
        if (!outcome.Applied)
        {
            throw new OutboxPermanentFailureException(
                $"Shopify rejected the {action} of return {request.Number} of order {order.Name}: "
                + ShopifyOrderChannel.Describe(outcome));
        }

        db.Add(new ReturnEvent
        {
            ReturnRequestId = request.Id,
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            Kind = "push:" + action,
            Message = text,
            Actor = "channel",
        });
    }

    /// <summary>
    /// Picks the <c>ReturnDeclineReason</c>: RETURN_PERIOD_ENDED when the decision came after the channel's return
    /// window, otherwise OTHER. The staff's reason travels as the decline note.
    /// </summary>
    private async Task<string> DeclineReasonAsync(ReturnRequest request, Order order, CancellationToken cancellationToken)
    {
        var windowDays = await db.Set<ChannelReturnSettings>().Where(s => s.ChannelId == request.ChannelId)
            .Select(s => (int?)s.WindowDays).SingleOrDefaultAsync(cancellationToken);
        var decidedAt = request.DecidedAt ?? clock.GetUtcNow().UtcDateTime;
        return windowDays is { } days && order.PlacedAt.AddDays(days) < decidedAt ? "RETURN_PERIOD_ENDED" : "OTHER";
    }

    /// <summary>
    /// Builds the line's note from the reason code and the customer's comment, cut to 255 characters, the maximum
    /// that Shopify documents for <c>returnReasonNote</c>.
    /// </summary>
    private static string NoteFor(ReturnRequest request, ReturnLine line)
    {
        var note = request.CustomerComment is { } comment ? $"{line.ReasonCode}: {comment}" : line.ReasonCode;
        return note.Length > MaxNoteLength ? note[..MaxNoteLength] : note;
    }

    private const int MaxNoteLength = 255;
}
