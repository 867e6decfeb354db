using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Integration;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Inventory;

/// <summary>
/// The only writer of stock levels. Each change is one conditional UPDATE on the level's version, so two
/// workers never both read-modify-write the same numbers, plus one ledger movement added to the context.
/// Callers run it inside their own transaction and call <c>SaveChangesAsync</c> before committing.
/// </summary>
public sealed partial class StockLedger(HubDbContext db, TimeProvider clock)
{
    private const int MaxAttempts = 50;

    /// <summary>
    /// Reserves up to <paramref name="quantity"/> units for an order line, as many as are available.
    /// Returns the units reserved; the caller flags the rest as a shortfall.
    /// </summary>
    public async Task<int> ReserveAsync(
        Guid orderLineId,
        Guid variantId,
        Guid warehouseId,
        int quantity,
        StockReference reference,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);

        var change = await ChangeLevelAsync(
            variantId,
            warehouseId,
            level => new LevelDelta(0, Math.Min(quantity, Math.Max(0, level.Available)), 0),
            cancellationToken);

        if (change is null || change.Delta.Reserved == 0)
        {
            return 0;
        }

        db.Reservations.Add(new Reservation
        {
            OrderLineId = orderLineId,
            VariantId = variantId,
            WarehouseId = warehouseId,
            Quantity = change.Delta.Reserved,
            CreatedAt = Now,
        });
        AddMovement(change, MovementReason.Reservation, reference);
        return change.Delta.Reserved;
    }

    /// <summary>Releases every open reservation of the given order lines and returns the units released.</summary>
    public async Task<int> ReleaseAsync(
        IReadOnlyCollection<Guid> orderLineIds,
        StockReference reference,
        CancellationToken cancellationToken)
    {
        var open = await db.Reservations
            .Where(r => orderLineIds.Contains(r.OrderLineId) && r.Status == ReservationStatus.Open)
            .ToListAsync(cancellationToken);
        var released = 0;

        foreach (var reservation in open)
        {
            var change = await ChangeLevelAsync(
                reservation.VariantId,
                reservation.WarehouseId,
                _ => new LevelDelta(0, -reservation.Quantity, 0),
                cancellationToken)
                ?? throw new InvalidOperationException(
                    $"Reservation {reservation.Id} points to a missing inventory level.");

            reservation.Status = ReservationStatus.Released;
            reservation.ClosedAt = Now;
            AddMovement(change, MovementReason.ReservationRelease, reference);
            released += reservation.Quantity;
        }

        return released;
    }

    /// <summary>
    /// Sets the on-hand quantity of an item to a counted value, creating the level when the item has none in
    /// that warehouse. Returns the movement, or null when the count equals the current on hand.
    /// </summary>
    public async Task<InventoryMovement?> SetOnHandAsync(
        Guid variantId,
        Guid warehouseId,
        int countedOnHand,
        MovementReason reason,
        StockReference reference,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(countedOnHand);
        await EnsureLevelAsync(variantId, warehouseId, cancellationToken);

        var change = await ChangeLevelAsync(
            variantId,
            warehouseId,
            level => new LevelDelta(countedOnHand - level.OnHand, 0, 0),
            cancellationToken);

        if (change is null || change.Delta.OnHand == 0)
        {
            return null;
        }

        return AddMovement(change, reason, reference);
    }

    /// <summary>
    /// Adds <paramref name="onHandDelta"/> to the on hand of an item in one conditional update, creating the level
    /// when missing, so that a concurrent change is never overwritten. Returns the on hand the change would leave
    /// and the movement, or a null movement with nothing written when the delta is zero or would take on hand below
    /// zero.
    /// </summary>
    public async Task<(InventoryMovement? Movement, int OnHandAfter)> AddOnHandAsync(
        Guid variantId,
        Guid warehouseId,
        int onHandDelta,
        MovementReason reason,
        StockReference reference,
        CancellationToken cancellationToken)
    {
        await EnsureLevelAsync(variantId, warehouseId, cancellationToken);
        var after = 0;
        var change = await ChangeLevelAsync(
            variantId,
            warehouseId,
            level =>
            {
                after = level.OnHand + onHandDelta;
                return after < 0 ? new LevelDelta(0, 0, 0) : new LevelDelta(onHandDelta, 0, 0);
            },
            cancellationToken);

        if (change is null || change.Delta.OnHand == 0)
        {
            return (null, after);
        }

        return (AddMovement(change, reason, reference), after);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task EnsureLevelAsync(Guid variantId, Guid warehouseId, CancellationToken cancellationToken)
    {
        var exists = await db.InventoryLevels.AnyAsync(
            l => l.VariantId == variantId && l.WarehouseId == warehouseId,
            cancellationToken);
        if (exists)
        {
            return;
        }

        // Inserted at once so that the conditional update below can find it. A concurrent insert of the same
        // level fails on the unique index and the caller's transaction is retried as a whole.
        var level = new InventoryLevel { VariantId = variantId, WarehouseId = warehouseId, UpdatedAt = Now };
        db.InventoryLevels.Add(level);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(level).State = EntityState.Detached;
    }

    private async Task<LevelChange?> ChangeLevelAsync(
        Guid variantId,
        Guid warehouseId,
        Func<InventoryLevel, LevelDelta> decide,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var level = await db.InventoryLevels.AsNoTracking()
                .SingleOrDefaultAsync(l => l.VariantId == variantId && l.WarehouseId == warehouseId, cancellationToken);
            if (level is null)
            {
                return null;
            }

            var delta = decide(level);
            if (delta.IsZero)
            {
                return new LevelChange(level, delta);
            }

            var now = Now;
            var updated = await db.InventoryLevels
                .Where(l => l.Id == level.Id && l.Version == level.Version)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(l => l.OnHand, l => l.OnHand + delta.OnHand)
                        .SetProperty(l => l.Reserved, l => l.Reserved + delta.Reserved)
                        .SetProperty(l => l.Unavailable, l => l.Unavailable + delta.Unavailable)
                        .SetProperty(l => l.Version, l => l.Version + 1)
                        .SetProperty(l => l.UpdatedAt, now),
                    cancellationToken);

            if (updated == 1)
            {
                return new LevelChange(level, delta);
            }
        }

        throw new DbUpdateConcurrencyException(
            $"Inventory level of variant {variantId} in warehouse {warehouseId} kept changing; gave up after {MaxAttempts} attempts.");
    }

    private InventoryMovement AddMovement(LevelChange change, MovementReason reason, StockReference reference)
    {
        var movement = new InventoryMovement
        {
            VariantId = change.Before.VariantId,
            WarehouseId = change.Before.WarehouseId,
            Reason = reason,
            OnHandDelta = change.Delta.OnHand,
            ReservedDelta = change.Delta.Reserved,
            UnavailableDelta = change.Delta.Unavailable,
            OnHandAfter = change.Before.OnHand + change.Delta.OnHand,
            ReservedAfter = change.Before.Reserved + change.Delta.Reserved,
            UnavailableAfter = change.Before.Unavailable + change.Delta.Unavailable,
            ReferenceType = reference.Type,
            ReferenceId = reference.Id,
            Actor = reference.Actor,
            OccurredAt = Now,
        };
        db.InventoryMovements.Add(movement);

        // Channels selling from this warehouse must hear of the change; the row commits or rolls back with it.
        db.OutboxMessages.Add(new OutboxMessage
        {
            Topic = OutboxTopics.StockChanged,
            EntityId = movement.VariantId,
            Payload = movement.WarehouseId.ToString(),
            CreatedAt = movement.OccurredAt,
            NextAttemptAt = movement.OccurredAt,
        });
        AddStockEvent(movement);
        return movement;
    }

    /// <summary>
    /// Adds the outbound <c>stock.changed</c> event of the variant, due after a short window so that the movements
    /// of that window leave one event with the availability at send time. A second movement of the variant in the
    /// same transaction adds nothing, and the handler absorbs the rows of earlier transactions.
    /// </summary>
    private void AddStockEvent(InventoryMovement movement)
    {
        var pending = db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added
            && e.Entity.Topic == IntegrationTopics.StockChangedEvent && e.Entity.EntityId == movement.VariantId);
        if (pending)
        {
            return;
        }

        db.OutboxMessages.Add(new OutboxMessage
        {
            Topic = IntegrationTopics.StockChangedEvent,
            EntityId = movement.VariantId,
            CreatedAt = movement.OccurredAt,
            NextAttemptAt = movement.OccurredAt + IntegrationTopics.StockEventWindow,
        });
    }

    private sealed record LevelDelta(int OnHand, int Reserved, int Unavailable)
    {
        public bool IsZero => OnHand == 0 && Reserved == 0 && Unavailable == 0;
    }

    private sealed record LevelChange(InventoryLevel Before, LevelDelta Delta);
}

/// <summary>The document and actor behind a stock movement, for example an order line and the inbox job.</summary>
public sealed record StockReference(string Type, string Id, string Actor);

/// <summary>Values of <see cref="InventoryMovement.ReferenceType"/>; pages link a reference by its type.</summary>
public static class StockReferenceTypes
{
    public const string Order = "Order";

    public const string Import = "Import";

    public const string User = "User";

    /// <summary>A manual adjustment or move to unavailable; the id is generated per operation.</summary>
    public const string Adjustment = "Adjustment";

    /// <summary>A transfer between two warehouses; both movements carry the same id.</summary>
    public const string Transfer = "Transfer";

    /// <summary>A <see cref="StockCheckIssue"/> that a correction movement repaired; the id is the issue id.</summary>
    public const string StockCheckIssue = "StockCheckIssue";

    /// <summary>Units that came back in a return; the id is the return id.</summary>
    public const string Return = "Return";
}
