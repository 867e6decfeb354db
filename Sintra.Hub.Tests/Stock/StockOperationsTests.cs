using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Persistence;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Stock;

public class StockOperationsTests
{
    private static readonly StockReference Shipping = new(StockReferenceTypes.Order, "order-1", "tests");

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task FulfilPartialSplitsReservation()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateDbContext();
        var scene = await StockScene.CreateAsync(db, clock, milan: 10, rome: 0);
        var ledger = new StockLedger(db, clock);
        await ledger.ReserveAsync(scene.LineIds[0], scene.VariantId, scene.MilanId, 5, Shipping, default);
        await db.SaveChangesAsync();

        var result = await ledger.FulfilAsync(scene.LineIds[0], 2, null, Shipping, default);
        await db.SaveChangesAsync();

        Assert.Equal(StockOutcome.Done, result.Outcome);
        var movement = Assert.Single(result.Movements);
        Assert.Equal(MovementReason.Shipment, movement.Reason);
        Assert.Equal(-2, movement.OnHandDelta);
        Assert.Equal(-2, movement.ReservedDelta);
        var level = await Level(db, scene.MilanId);
        Assert.Equal(8, level.OnHand);
        Assert.Equal(3, level.Reserved);
        var rows = await db.Reservations.AsNoTracking().OrderByDescending(r => r.Quantity).ToListAsync();
        Assert.Equal(2, rows.Count);
        Assert.Equal((ReservationStatus.Open, 3), (rows[0].Status, rows[0].Quantity));
        Assert.Equal((ReservationStatus.Fulfilled, 2), (rows[1].Status, rows[1].Quantity));
    }

    [Fact]
    public async Task FulfilWholeClosesEveryWarehouse()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateDbContext();
        var scene = await StockScene.CreateAsync(db, clock, milan: 2, rome: 5);
        var ledger = new StockLedger(db, clock);
        await ledger.ReserveAsync(scene.LineIds[0], scene.VariantId, scene.MilanId, 2, Shipping, default);
        await ledger.ReserveAsync(scene.LineIds[0], scene.VariantId, scene.RomeId, 2, Shipping, default);
        await db.SaveChangesAsync();

        var result = await ledger.FulfilAsync(scene.LineIds[0], 4, null, Shipping, default);
        await db.SaveChangesAsync();

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Movements.Count);
        Assert.All(await db.Reservations.AsNoTracking().ToListAsync(), r =>
        {
            Assert.Equal(ReservationStatus.Fulfilled, r.Status);
            Assert.Equal(clock.GetUtcNow().UtcDateTime, r.ClosedAt);
        });
        Assert.Equal((0, 0), await OnHandAndReserved(db, scene.MilanId));
        Assert.Equal((3, 0), await OnHandAndReserved(db, scene.RomeId));
    }

    [Fact]
    public async Task FulfilBeyondReservedIsRejected()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateDbContext();
        var scene = await StockScene.CreateAsync(db, clock, milan: 10, rome: 0);
        var ledger = new StockLedger(db, clock);
        await ledger.ReserveAsync(scene.LineIds[0], scene.VariantId, scene.MilanId, 1, Shipping, default);
        await db.SaveChangesAsync();

        var result = await ledger.FulfilAsync(scene.LineIds[0], 2, null, Shipping, default);
        await db.SaveChangesAsync();

        Assert.Equal(StockOutcome.InsufficientStock, result.Outcome);
        Assert.Equal(StockRules.Errors.NotEnoughReserved, result.Error);
        Assert.Equal((10, 1), await OnHandAndReserved(db, scene.MilanId));
        Assert.Equal(ReservationStatus.Open, (await db.Reservations.AsNoTracking().SingleAsync()).Status);
    }

    [Theory]
    [InlineData(null, StockRules.Errors.ReasonRequired)]
    [InlineData("   ", StockRules.Errors.ReasonRequired)]
    public async Task AdjustWithoutReasonIsRejected(string? reason, string error)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateDbContext();
        var scene = await StockScene.CreateAsync(db, clock, milan: 4, rome: 0);
        var movementsBefore = await db.InventoryMovements.CountAsync();

        var result = await new StockLedger(db, clock)
            .AdjustAsync(scene.VariantId, scene.MilanId, -1, reason, "mario@example.com", false, default);
        await db.SaveChangesAsync();

        Assert.Equal(StockOutcome.Invalid, result.Outcome);
        Assert.Equal(error, result.Error);
        Assert.Equal(4, (await Level(db, scene.MilanId)).OnHand);
        Assert.Equal(movementsBefore, await db.InventoryMovements.CountAsync());
    }

    [Fact]
    public async Task AdjustWithReasonWritesMovement()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateDbContext();
        var scene = await StockScene.CreateAsync(db, clock, milan: 4, rome: 0);
        var outboxBefore = await db.OutboxMessages.CountAsync(m => m.Topic == OutboxTopics.StockChanged);

        var result = await new StockLedger(db, clock).AdjustAsync(
            scene.VariantId, scene.MilanId, -3, " Broken in the shelf fall ", "mario@example.com", false, default);
        await db.SaveChangesAsync();

        Assert.True(result.Succeeded);
        var movement = await db.InventoryMovements.AsNoTracking()
            .SingleAsync(m => m.Reason == MovementReason.Adjustment);
        Assert.Equal(-3, movement.OnHandDelta);
        Assert.Equal(1, movement.OnHandAfter);
        Assert.Equal("Broken in the shelf fall", movement.Note);
        Assert.Equal("mario@example.com", movement.Actor);
        Assert.Equal(StockReferenceTypes.Adjustment, movement.ReferenceType);
        Assert.Equal(1, (await Level(db, scene.MilanId)).OnHand);
        Assert.Equal(outboxBefore + 1, await db.OutboxMessages.CountAsync(m => m.Topic == OutboxTopics.StockChanged));
    }

    [Fact]
    public async Task AdjustBelowZeroNeedsPermission()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateDbContext();
        var scene = await StockScene.CreateAsync(db, clock, milan: 2, rome: 0);
        var ledger = new StockLedger(db, clock);

        var rejected = await ledger.AdjustAsync(scene.VariantId, scene.MilanId, -3, "Count", "u", false, default);
        var allowed = await ledger.AdjustAsync(scene.VariantId, scene.MilanId, -3, "Count", "u", true, default);
        await db.SaveChangesAsync();

        Assert.Equal(StockOutcome.InsufficientStock, rejected.Outcome);
        Assert.Equal(StockRules.Errors.NegativeOnHand, rejected.Error);
        Assert.True(allowed.Succeeded);
        Assert.Equal(-1, (await Level(db, scene.MilanId)).OnHand);
    }

    [Fact]
    public async Task TransferMovesBothLevels()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateDbContext();
        var scene = await StockScene.CreateAsync(db, clock, milan: 6, rome: 1);

        var result = await new StockLedger(db, clock).TransferAsync(
            scene.VariantId, scene.MilanId, scene.RomeId, 4, "Restock Rome", "anna@example.com", default);
        await db.SaveChangesAsync();

        Assert.True(result.Succeeded);
        Assert.Equal(2, (await Level(db, scene.MilanId)).OnHand);
        Assert.Equal(5, (await Level(db, scene.RomeId)).OnHand);
        var movements = await db.InventoryMovements.AsNoTracking()
            .Where(m => m.Reason == MovementReason.Transfer).ToListAsync();
        Assert.Equal(2, movements.Count);
        Assert.Single(movements.Select(m => m.ReferenceId).Distinct());
        Assert.Equal(-4, movements.Single(m => m.WarehouseId == scene.MilanId).OnHandDelta);
        Assert.Equal(4, movements.Single(m => m.WarehouseId == scene.RomeId).OnHandDelta);
    }

    [Fact]
    public async Task TransferShortSourceWritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateDbContext();
        var scene = await StockScene.CreateAsync(db, clock, milan: 5, rome: 0);
        var ledger = new StockLedger(db, clock);
        await ledger.ReserveAsync(scene.LineIds[0], scene.VariantId, scene.MilanId, 3, Shipping, default);
        await db.SaveChangesAsync();
        var movementsBefore = await db.InventoryMovements.CountAsync();

        var result = await ledger.TransferAsync(scene.VariantId, scene.MilanId, scene.RomeId, 3, "x", "u", default);
        await db.SaveChangesAsync();

        Assert.Equal(StockOutcome.InsufficientStock, result.Outcome);
        Assert.Equal(StockRules.Errors.NotEnoughAvailable, result.Error);
        Assert.Equal(5, (await Level(db, scene.MilanId)).OnHand);
        Assert.Equal(0, (await Level(db, scene.RomeId)).OnHand);
        Assert.Equal(movementsBefore, await db.InventoryMovements.CountAsync());
    }

    [Fact]
    public async Task MoveToUnavailableKeepsOnHand()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateDbContext();
        var scene = await StockScene.CreateAsync(db, clock, milan: 5, rome: 0);
        var ledger = new StockLedger(db, clock);

        var moved = await ledger.MoveToUnavailableAsync(
            scene.VariantId, scene.MilanId, 2, UnavailableKind.Damaged, "Crushed box", "u", default);
        var tooMany = await ledger.MoveToUnavailableAsync(
            scene.VariantId, scene.MilanId, 4, UnavailableKind.SafetyStock, "Hold", "u", default);
        var back = await ledger.MoveToUnavailableAsync(
            scene.VariantId, scene.MilanId, -1, UnavailableKind.Damaged, "Repaired", "u", default);
        await db.SaveChangesAsync();

        Assert.True(moved.Succeeded);
        Assert.Equal(MovementReason.Damaged, moved.Movements[0].Reason);
        Assert.Equal(StockRules.Errors.NotEnoughAvailable, tooMany.Error);
        Assert.True(back.Succeeded);
        var level = await Level(db, scene.MilanId);
        Assert.Equal(5, level.OnHand);
        Assert.Equal(1, level.Unavailable);
        Assert.Equal(4, level.Available);
    }

    private static Task<InventoryLevel> Level(HubDbContext db, Guid warehouseId) =>
        db.InventoryLevels.AsNoTracking().SingleAsync(l => l.WarehouseId == warehouseId);

    private static async Task<(int OnHand, int Reserved)> OnHandAndReserved(HubDbContext db, Guid warehouseId)
    {
        var level = await Level(db, warehouseId);
        return (level.OnHand, level.Reserved);
    }
}
