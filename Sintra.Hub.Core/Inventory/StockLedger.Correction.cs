using Microsoft.EntityFrameworkCore;

namespace Sintra.Hub.Core.Inventory;

/// <summary>Correction movements that bring a level and its ledger back into agreement.</summary>
public sealed partial class StockLedger
{
    /// <summary>
    /// Repairs one quantity of a level with a <see cref="MovementReason.Correction"/> movement. On hand and
    /// unavailable keep the level's value and the movement records the difference, so the ledger sums to it again.
    /// Reserved is recomputed from the open reservation rows: the level takes that value and the movement brings
    /// the ledger to it. Returns no movement when level, ledger and reservations already agree.
    /// </summary>
    public async Task<StockResult> CorrectAsync(
        Guid variantId,
        Guid warehouseId,
        StockQuantity quantity,
        StockReference reference,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var level = await db.InventoryLevels.AsNoTracking()
                .SingleOrDefaultAsync(l => l.VariantId == variantId && l.WarehouseId == warehouseId, cancellationToken);
            if (level is null)
            {
                return StockResult.NotFound(StockRules.Errors.LevelNotFound);
            }

            // Read after the level, and the UPDATE below checks its version, so no movement slips in between.
            var ledger = await LedgerSumAsync(variantId, warehouseId, quantity, cancellationToken);
            var levelValue = ValueOf(level, quantity);
            var target = quantity == StockQuantity.Reserved
                ? await OpenReservedAsync(variantId, warehouseId, cancellationToken)
                : levelValue;
            if (target == levelValue && target == ledger)
            {
                return StockResult.Done();
            }

            var levelDelta = Delta(quantity, target - levelValue);
            var now = Now;
            var updated = await db.InventoryLevels
                .Where(l => l.Id == level.Id && l.Version == level.Version)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(l => l.OnHand, l => l.OnHand + levelDelta.OnHand)
                        .SetProperty(l => l.Reserved, l => l.Reserved + levelDelta.Reserved)
                        .SetProperty(l => l.Unavailable, l => l.Unavailable + levelDelta.Unavailable)
                        .SetProperty(l => l.Version, l => l.Version + 1)
                        .SetProperty(l => l.UpdatedAt, now),
                    cancellationToken);
            if (updated != 1)
            {
                continue;
            }

            var movement = AddMovement(new LevelChange(level, levelDelta), MovementReason.Correction, reference);
            var ledgerDelta = Delta(quantity, target - ledger);
            movement.OnHandDelta = ledgerDelta.OnHand;
            movement.ReservedDelta = ledgerDelta.Reserved;
            movement.UnavailableDelta = ledgerDelta.Unavailable;
            return StockResult.Done(movement);
        }

        throw new DbUpdateConcurrencyException(
            $"Inventory level of variant {variantId} in warehouse {warehouseId} kept changing; gave up after {MaxAttempts} attempts.");
    }

    private static int ValueOf(InventoryLevel level, StockQuantity quantity) => quantity switch
    {
        StockQuantity.OnHand => level.OnHand,
        StockQuantity.Reserved => level.Reserved,
        _ => level.Unavailable,
    };

    private static LevelDelta Delta(StockQuantity quantity, int value) => quantity switch
    {
        StockQuantity.OnHand => new LevelDelta(value, 0, 0),
        StockQuantity.Reserved => new LevelDelta(0, value, 0),
        _ => new LevelDelta(0, 0, value),
    };

    private Task<int> LedgerSumAsync(
        Guid variantId,
        Guid warehouseId,
        StockQuantity quantity,
        CancellationToken cancellationToken)
    {
        var movements = db.InventoryMovements.Where(m => m.VariantId == variantId && m.WarehouseId == warehouseId);
        return quantity switch
        {
            StockQuantity.OnHand => movements.SumAsync(m => m.OnHandDelta, cancellationToken),
            StockQuantity.Reserved => movements.SumAsync(m => m.ReservedDelta, cancellationToken),
            _ => movements.SumAsync(m => m.UnavailableDelta, cancellationToken),
        };
    }

    private Task<int> OpenReservedAsync(Guid variantId, Guid warehouseId, CancellationToken cancellationToken) =>
        db.Reservations
            .Where(r => r.VariantId == variantId && r.WarehouseId == warehouseId && r.Status == ReservationStatus.Open)
            .SumAsync(r => r.Quantity, cancellationToken);
}
