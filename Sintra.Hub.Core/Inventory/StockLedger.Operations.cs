using Microsoft.EntityFrameworkCore;

namespace Sintra.Hub.Core.Inventory;

/// <summary>Manual operations of warehouse staff: adjustments, transfers and moves to or from unavailable.</summary>
public sealed partial class StockLedger
{
    /// <summary>
    /// Changes the on-hand quantity by <paramref name="onHandDelta"/> with a required reason. The result is rejected
    /// with <see cref="StockRules.Errors.NegativeOnHand"/> when on hand would fall below zero, unless
    /// <paramref name="allowNegative"/> is set.
    /// </summary>
    public async Task<StockResult> AdjustAsync(
        Guid variantId,
        Guid warehouseId,
        int onHandDelta,
        string? reason,
        string user,
        bool allowNegative,
        CancellationToken cancellationToken)
    {
        if (onHandDelta == 0)
        {
            return StockResult.Invalid(StockRules.Errors.QuantityZero);
        }

        if (StockRules.CheckReason(reason) is { } reasonError)
        {
            return StockResult.Invalid(reasonError);
        }

        if (!await ItemExistsAsync(variantId, warehouseId, cancellationToken))
        {
            return StockResult.NotFound(StockRules.Errors.WarehouseNotFound);
        }

        await EnsureLevelAsync(variantId, warehouseId, cancellationToken);
        var rejected = false;
        var change = await ChangeLevelAsync(
            variantId,
            warehouseId,
            level =>
            {
                rejected = !allowNegative && level.OnHand + onHandDelta < 0;
                return rejected ? new LevelDelta(0, 0, 0) : new LevelDelta(onHandDelta, 0, 0);
            },
            cancellationToken);

        if (rejected || change is null)
        {
            return StockResult.Insufficient(StockRules.Errors.NegativeOnHand);
        }

        var reference = new StockReference(StockReferenceTypes.Adjustment, NewDocumentId(), user);
        return StockResult.Done(AddMovement(change, MovementReason.Adjustment, reference, reason));
    }

    /// <summary>
    /// Moves units from one warehouse to another: two movements with the same reference. Rejected, with nothing
    /// written, when the source has fewer than <paramref name="quantity"/> units available.
    /// </summary>
    public async Task<StockResult> TransferAsync(
        Guid variantId,
        Guid fromWarehouseId,
        Guid toWarehouseId,
        int quantity,
        string? reason,
        string user,
        CancellationToken cancellationToken)
    {
        if (quantity <= 0)
        {
            return StockResult.Invalid(StockRules.Errors.QuantityNotPositive);
        }

        if (fromWarehouseId == toWarehouseId)
        {
            return StockResult.Invalid(StockRules.Errors.SameWarehouse);
        }

        if (StockRules.CheckReason(reason) is { } reasonError)
        {
            return StockResult.Invalid(reasonError);
        }

        if (!await ItemExistsAsync(variantId, toWarehouseId, cancellationToken))
        {
            return StockResult.NotFound(StockRules.Errors.WarehouseNotFound);
        }

        var rejected = false;
        var outbound = await ChangeLevelAsync(
            variantId,
            fromWarehouseId,
            level =>
            {
                rejected = level.Available < quantity;
                return rejected ? new LevelDelta(0, 0, 0) : new LevelDelta(-quantity, 0, 0);
            },
            cancellationToken);

        if (outbound is null)
        {
            return StockResult.NotFound(StockRules.Errors.LevelNotFound);
        }

        if (rejected)
        {
            return StockResult.Insufficient(StockRules.Errors.NotEnoughAvailable);
        }

        await EnsureLevelAsync(variantId, toWarehouseId, cancellationToken);
        var inbound = await ChangeLevelAsync(
            variantId, toWarehouseId, _ => new LevelDelta(quantity, 0, 0), cancellationToken)
            ?? throw new InvalidOperationException(
                $"Level of variant {variantId} in warehouse {toWarehouseId} is missing right after it was created.");

        var reference = new StockReference(StockReferenceTypes.Transfer, NewDocumentId(), user);
        return StockResult.Done(
            AddMovement(outbound, MovementReason.Transfer, reference, reason),
            AddMovement(inbound, MovementReason.Transfer, reference, reason));
    }

    /// <summary>
    /// Moves <paramref name="quantity"/> available units to unavailable under the given kind, or back to available
    /// when the quantity is negative. On hand does not change. Rejected when too few units are available (moving
    /// in) or unavailable (moving back).
    /// </summary>
    public async Task<StockResult> MoveToUnavailableAsync(
        Guid variantId,
        Guid warehouseId,
        int quantity,
        UnavailableKind kind,
        string? reason,
        string user,
        CancellationToken cancellationToken)
    {
        if (quantity == 0)
        {
            return StockResult.Invalid(StockRules.Errors.QuantityZero);
        }

        if (StockRules.CheckReason(reason) is { } reasonError)
        {
            return StockResult.Invalid(reasonError);
        }

        string? shortage = null;
        var change = await ChangeLevelAsync(
            variantId,
            warehouseId,
            level =>
            {
                shortage = quantity > 0 && level.Available < quantity ? StockRules.Errors.NotEnoughAvailable
                    : quantity < 0 && level.Unavailable < -quantity ? StockRules.Errors.NotEnoughUnavailable
                    : null;
                return shortage is null ? new LevelDelta(0, 0, quantity) : new LevelDelta(0, 0, 0);
            },
            cancellationToken);

        if (change is null)
        {
            return StockResult.NotFound(StockRules.Errors.LevelNotFound);
        }

        if (shortage is not null)
        {
            return StockResult.Insufficient(shortage);
        }

        var reference = new StockReference(StockReferenceTypes.Adjustment, NewDocumentId(), user);
        return StockResult.Done(AddMovement(change, StockRules.ReasonOf(kind), reference, reason));
    }

    private static string NewDocumentId() => Guid.CreateVersion7().ToString();

    private async Task<bool> ItemExistsAsync(Guid variantId, Guid warehouseId, CancellationToken cancellationToken) =>
        await db.Variants.AnyAsync(v => v.Id == variantId, cancellationToken)
        && await db.Warehouses.AnyAsync(w => w.Id == warehouseId, cancellationToken);

    private InventoryMovement AddMovement(
        LevelChange change,
        MovementReason reason,
        StockReference reference,
        string? note)
    {
        var movement = AddMovement(change, reason, reference);
        movement.Note = note?.Trim();
        return movement;
    }
}
