using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Inventory;

namespace Sintra.Hub.Core.Returns;

/// <summary>What staff decided for one line when the parcel arrived.</summary>
public sealed record ReturnLineDecision(Guid ReturnLineId, ReturnDisposition Disposition, Guid WarehouseId);

public sealed partial class ReturnService
{
    public async Task<ReturnTransition> ApproveAsync(Guid returnId, string actor, CancellationToken cancellationToken)
    {
        var request = await FindAsync(returnId, cancellationToken);
        if (request is null)
        {
            return ReturnTransition.Rejected($"Return {returnId} was not found.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var result = request.Approve(now);
        if (result.Changed)
        {
            AddEvent(request, "approved", "Return approved.", actor, now);
            AddOutbox(request, ReturnOutboxTopics.ApprovedEmail, null, now);
            AddOutbox(request, ReturnOutboxTopics.ChannelPush, ReturnChannelActions.Approve, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return result;
    }

    public async Task<ReturnTransition> RejectAsync(
        Guid returnId,
        string reason,
        string actor,
        CancellationToken cancellationToken)
    {
        var request = await FindAsync(returnId, cancellationToken);
        if (request is null)
        {
            return ReturnTransition.Rejected($"Return {returnId} was not found.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var result = request.Reject(reason, now);
        if (result.Changed)
        {
            AddEvent(request, "rejected", $"Return rejected: {request.RejectionReason}", actor, now);
            AddOutbox(request, ReturnOutboxTopics.RejectedEmail, null, now);
            AddOutbox(request, ReturnOutboxTopics.ChannelPush, ReturnChannelActions.Decline, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// Receives an approved return: every line gets a decision, its units join the chosen warehouse's on hand, and
    /// damaged or quality-control units move on to unavailable. An optional refund, capped by
    /// <see cref="RefundCapAsync"/>, is queued for the channel. Everything commits in one transaction or not at all.
    /// </summary>
    public async Task<ReturnTransition> ReceiveAsync(
        Guid returnId,
        IReadOnlyList<ReturnLineDecision> decisions,
        decimal refundAmount,
        string actor,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var request = await FindAsync(returnId, cancellationToken);
        if (request is null)
        {
            return ReturnTransition.Rejected($"Return {returnId} was not found.");
        }

        if (request.Lines.FirstOrDefault(l => decisions.All(d => d.ReturnLineId != l.Id)) is { } undecided)
        {
            return ReturnTransition.Rejected($"Line {undecided.Id} of return {request.Number} has no decision.");
        }

        if (refundAmount < 0)
        {
            return ReturnTransition.Rejected($"Refund {refundAmount} is invalid; use zero or a positive amount.");
        }

        var cap = await RefundCapAsync(request, cancellationToken);
        if (refundAmount > cap)
        {
            var currency = await db.Orders.Where(o => o.Id == request.OrderId).Select(o => o.Currency).SingleAsync(cancellationToken);
            return ReturnTransition.Rejected(string.Create(
                CultureInfo.InvariantCulture,
                $"Refund {refundAmount:0.00##} {currency} exceeds the {cap:0.00##} {currency} that may still be refunded."));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var result = request.Receive(now);
        if (!result.Changed)
        {
            return result;
        }

        if (await MoveStockAsync(request, decisions, actor, cancellationToken) is { } stockError)
        {
            return ReturnTransition.Rejected(stockError);
        }

        AddEvent(request, "received", $"Return received: {request.Lines.Sum(l => l.Quantity)} unit(s).", actor, now);
        if (refundAmount > 0)
        {
            request.RefundAmount = refundAmount;
            foreach (var line in request.Lines)
            {
                line.RefundedQuantity = line.Quantity;
            }

            AddEvent(request, "refund", $"Refund of {refundAmount} queued for the channel.", actor, now);
            AddOutbox(request, ReturnOutboxTopics.ChannelRefund, null, now);
        }

        request.Close(now);
        AddOutbox(request, ReturnOutboxTopics.ChannelPush, ReturnChannelActions.Close, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>
    /// Computes what may still be refunded: the order total, less the return refunds already made and the value of
    /// units the channel refunded outside a return, in the order's shop currency.
    /// </summary>
    public async Task<decimal> RefundCapAsync(ReturnRequest request, CancellationToken cancellationToken)
    {
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines)
            .SingleAsync(o => o.Id == request.OrderId, cancellationToken);
        var refundedByReturns = await db.Set<ReturnRequest>()
            .Where(r => r.OrderId == order.Id && r.Id != request.Id)
            .SumAsync(r => r.RefundAmount, cancellationToken);

        // NOTE: the order stores refunded units, not refunded money, so channel refunds count at the line's net unit
        // price. A shipping refund made in the shop is missing from this sum.
        var refundedOutside = order.Lines.Sum(l => l.Quantity == 0
            ? 0m
            : l.RefundedQuantity * (l.Price - (l.TotalDiscount / l.Quantity)));
        return Math.Max(0m, order.TotalPrice - refundedByReturns - refundedOutside);
    }

    private async Task<string?> MoveStockAsync(
        ReturnRequest request,
        IReadOnlyList<ReturnLineDecision> decisions,
        string actor,
        CancellationToken cancellationToken)
    {
        var reference = new StockReference(StockReferenceTypes.Return, request.Id.ToString(), actor);
        foreach (var line in request.Lines)
        {
            var decision = decisions.First(d => d.ReturnLineId == line.Id);
            line.Disposition = decision.Disposition;
            line.WarehouseId = decision.WarehouseId;
            var variantId = await db.OrderLines.Where(o => o.Id == line.OrderLineId)
                .Select(o => o.VariantId).SingleAsync(cancellationToken);
            if (variantId is null)
            {
                AddEvent(request, "unmatched", $"Line {line.OrderLineId} matches no variant; no stock moved.", actor, request.ReceivedAt!.Value);
                continue;
            }

            if (!await db.Warehouses.AnyAsync(w => w.Id == decision.WarehouseId, cancellationToken))
            {
                return $"Warehouse {decision.WarehouseId} was not found; choose an existing warehouse.";
            }

            await ledger.AddOnHandAsync(variantId.Value, decision.WarehouseId, line.Quantity, MovementReason.Return, reference, cancellationToken);
            if (decision.Disposition == ReturnDisposition.Restock)
            {
                continue;
            }

            var kind = decision.Disposition == ReturnDisposition.Damaged ? UnavailableKind.Damaged : UnavailableKind.QualityControl;
            var moved = await ledger.MoveToUnavailableAsync(
                variantId.Value, decision.WarehouseId, line.Quantity, kind, $"Return {request.Number}", actor, cancellationToken);
            if (moved.Error is not null)
            {
                return $"Moving {line.Quantity} unit(s) of return {request.Number} to unavailable failed: {moved.Error}.";
            }
        }

        return null;
    }

    private Task<ReturnRequest?> FindAsync(Guid returnId, CancellationToken cancellationToken) =>
        db.Set<ReturnRequest>().Include(r => r.Lines).SingleOrDefaultAsync(r => r.Id == returnId, cancellationToken);
}
