using Microsoft.EntityFrameworkCore;

namespace Sintra.Hub.Core.Inventory;

/// <summary>Shipping reserved units: the outbound movement that closes reservations.</summary>
public sealed partial class StockLedger
{
    /// <summary>
    /// Ships <paramref name="quantity"/> units of an order line out of its open reservations, oldest first and only in
    /// <paramref name="warehouseId"/> when one is given. On hand and reserved both drop, with one movement per
    /// warehouse. A reservation shipped in part is split: the shipped units become a Fulfilled row and the rest stays
    /// open. Rejected, with nothing written, when the open reservations hold fewer units.
    /// </summary>
    /// <exception cref="DbUpdateConcurrencyException">Another worker changed the same reservation meanwhile.</exception>
    public async Task<StockResult> FulfilAsync(
        Guid orderLineId,
        int quantity,
        Guid? warehouseId,
        StockReference reference,
        CancellationToken cancellationToken)
    {
        if (quantity <= 0)
        {
            return StockResult.Invalid(StockRules.Errors.QuantityNotPositive);
        }

        var open = await db.Reservations.AsNoTracking()
            .Where(r => r.OrderLineId == orderLineId && r.Status == ReservationStatus.Open)
            .Where(r => warehouseId == null || r.WarehouseId == warehouseId)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        if (open.Sum(r => r.Quantity) < quantity)
        {
            return StockResult.Insufficient(StockRules.Errors.NotEnoughReserved);
        }

        var shippedByWarehouse = new Dictionary<(Guid Variant, Guid Warehouse), int>();
        var remaining = quantity;
        foreach (var reservation in open.TakeWhile(_ => remaining > 0))
        {
            var take = Math.Min(remaining, reservation.Quantity);
            await CloseReservationAsync(reservation, take, ReservationStatus.Fulfilled, cancellationToken);
            var key = (reservation.VariantId, reservation.WarehouseId);
            shippedByWarehouse[key] = shippedByWarehouse.GetValueOrDefault(key) + take;
            remaining -= take;
        }

        var movements = new List<InventoryMovement>();
        foreach (var ((variantId, shipFrom), shipped) in shippedByWarehouse)
        {
            var change = await ChangeLevelAsync(
                variantId, shipFrom, _ => new LevelDelta(-shipped, -shipped, 0), cancellationToken)
                ?? throw new InvalidOperationException(
                    $"Reservations of line {orderLineId} point to a missing level in warehouse {shipFrom}.");
            movements.Add(AddMovement(change, MovementReason.Shipment, reference));
        }

        return StockResult.Done([.. movements]);
    }

    /// <summary>
    /// Releases up to <paramref name="quantity"/> reserved units of an order line, newest reservation first, so that
    /// the units reserved in the order warehouse are the last to go. A reservation released in part is split. Returns
    /// the units released, which is less than asked when the line has fewer open units.
    /// </summary>
    /// <exception cref="DbUpdateConcurrencyException">Another worker changed the same reservation meanwhile.</exception>
    public async Task<int> ReleasePartAsync(
        Guid orderLineId,
        int quantity,
        StockReference reference,
        CancellationToken cancellationToken)
    {
        if (quantity <= 0)
        {
            return 0;
        }

        var open = await db.Reservations.AsNoTracking()
            .Where(r => r.OrderLineId == orderLineId && r.Status == ReservationStatus.Open)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .ToListAsync(cancellationToken);
        var remaining = quantity;
        var released = 0;
        foreach (var reservation in open.TakeWhile(_ => remaining > 0))
        {
            var take = Math.Min(remaining, reservation.Quantity);
            await CloseReservationAsync(reservation, take, ReservationStatus.Released, cancellationToken);
            var change = await ChangeLevelAsync(
                reservation.VariantId, reservation.WarehouseId, _ => new LevelDelta(0, -take, 0), cancellationToken)
                ?? throw new InvalidOperationException(
                    $"Reservation {reservation.Id} points to a missing inventory level.");
            AddMovement(change, MovementReason.ReservationRelease, reference);
            remaining -= take;
            released += take;
        }

        return released;
    }

    /// <summary>
    /// Closes <paramref name="take"/> units of an open reservation with <paramref name="status"/>. The UPDATE is
    /// conditional on the quantity read, so two workers never close the same reserved units.
    /// </summary>
    private async Task CloseReservationAsync(
        Reservation reservation,
        int take,
        ReservationStatus status,
        CancellationToken cancellationToken)
    {
        var now = Now;
        var whole = take == reservation.Quantity;
        var query = db.Reservations.Where(r =>
            r.Id == reservation.Id && r.Status == ReservationStatus.Open && r.Quantity == reservation.Quantity);
        var updated = whole
            ? await query.ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, status).SetProperty(r => r.ClosedAt, now),
                cancellationToken)
            : await query.ExecuteUpdateAsync(s => s.SetProperty(r => r.Quantity, reservation.Quantity - take),
                cancellationToken);
        if (updated != 1)
        {
            throw new DbUpdateConcurrencyException($"Reservation {reservation.Id} changed while it was being closed.");
        }

        if (!whole)
        {
            db.Reservations.Add(new Reservation
            {
                OrderLineId = reservation.OrderLineId,
                VariantId = reservation.VariantId,
                WarehouseId = reservation.WarehouseId,
                Quantity = take,
                Status = status,
                CreatedAt = reservation.CreatedAt,
                ClosedAt = now,
            });
        }
    }
}
