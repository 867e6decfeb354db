using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Returns;

/// <summary>A line of an order with the units a new return may still include.</summary>
public sealed record ReturnableLine(
    Guid OrderLineId,
    string Title,
    string? VariantTitle,
    string? Sku,
    int Bought,
    int Returnable);

public static class ReturnableQuantities
{
    /// <summary>
    /// Computes, per order line, bought − refunded without a return − units in received or closed returns − units in
    /// open requests. Rejected returns hold nothing.
    /// </summary>
    public static async Task<IReadOnlyList<ReturnableLine>> ComputeAsync(
        HubDbContext db,
        Order order,
        CancellationToken cancellationToken)
    {
        var lineIds = order.Lines.Select(l => l.Id).ToList();
        var inReturnsByLine = await (
                from line in db.Set<ReturnLine>()
                join request in db.Set<ReturnRequest>() on line.ReturnRequestId equals request.Id
                where lineIds.Contains(line.OrderLineId) && request.Status != ReturnStatus.Rejected
                group line by line.OrderLineId into g
                select new { OrderLineId = g.Key, Quantity = g.Sum(l => l.Quantity), Refunded = g.Sum(l => l.RefundedQuantity) })
            .ToListAsync(cancellationToken);

        return order.Lines
            .OrderBy(l => l.ExternalId)
            .Select(line =>
            {
                var returns = inReturnsByLine.FirstOrDefault(h => h.OrderLineId == line.Id);
                var inReturns = returns?.Quantity ?? 0;

                // Refunds made through a return are counted once, as returned units.
                var refundedWithoutReturn = Math.Max(0, line.RefundedQuantity - (returns?.Refunded ?? 0));
                var returnable = Math.Max(0, line.Quantity - refundedWithoutReturn - inReturns);
                return new ReturnableLine(line.Id, line.Title, line.VariantTitle, line.Sku, line.Quantity, returnable);
            })
            .ToList();
    }
}
