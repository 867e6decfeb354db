using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Infrastructure.Persistence;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Inventory;

public class StockLedgerTests
{
    private static readonly StockReference Reference = new("Test", "1", "tests");

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task InitialCountWritesLevelAndMovement()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateDbContext();
        var (warehouse, variants) = await CatalogSeed.AddAsync(db, "MIL", "0001234");

        var movement = await new StockLedger(db, clock).SetOnHandAsync(
            variants[0].Id, warehouse.Id, 7, MovementReason.InitialCount, Reference, CancellationToken.None);
        await db.SaveChangesAsync();

        var level = await db.InventoryLevels.AsNoTracking().SingleAsync();
        Assert.Equal(7, level.OnHand);
        Assert.Equal(0, level.Reserved);
        Assert.NotNull(movement);
        Assert.Equal(7, movement.OnHandDelta);
        Assert.Equal(7, movement.OnHandAfter);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, movement.OccurredAt);
    }

    [Fact]
    public async Task ReserveTakesOnlyWhatIsAvailable()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateDbContext();
        var (warehouse, variants) = await CatalogSeed.AddAsync(db, "MIL", "A-1");
        var lines = await CatalogSeed.AddOrderLinesAsync(db, 3);
        var ledger = new StockLedger(db, clock);
        await ledger.SetOnHandAsync(variants[0].Id, warehouse.Id, 3, MovementReason.InitialCount, Reference, default);

        var first = await ledger.ReserveAsync(lines[0], variants[0].Id, warehouse.Id, 2, Reference, default);
        var second = await ledger.ReserveAsync(lines[1], variants[0].Id, warehouse.Id, 2, Reference, default);
        var third = await ledger.ReserveAsync(lines[2], variants[0].Id, warehouse.Id, 1, Reference, default);
        await db.SaveChangesAsync();

        Assert.Equal(2, first);
        Assert.Equal(1, second);
        Assert.Equal(0, third);
        var level = await db.InventoryLevels.AsNoTracking().SingleAsync();
        Assert.Equal(3, level.Reserved);
        Assert.Equal(2, await db.Reservations.CountAsync());
    }

    [Fact]
    public async Task ReserveWithoutLevelReservesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateDbContext();
        var (warehouse, variants) = await CatalogSeed.AddAsync(db, "MIL", "A-1");

        var reserved = await new StockLedger(db, clock)
            .ReserveAsync(Guid.NewGuid(), variants[0].Id, warehouse.Id, 1, Reference, default);
        await db.SaveChangesAsync();

        Assert.Equal(0, reserved);
        Assert.Empty(await db.InventoryMovements.ToListAsync());
    }

    [Fact]
    public async Task ReleaseFreesExactlyTheLineReservations()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateDbContext();
        var (warehouse, variants) = await CatalogSeed.AddAsync(db, "MIL", "A-1");
        var lines = await CatalogSeed.AddOrderLinesAsync(db, 2);
        var ledger = new StockLedger(db, clock);
        var kept = lines[0];
        var cancelled = lines[1];
        await ledger.SetOnHandAsync(variants[0].Id, warehouse.Id, 10, MovementReason.InitialCount, Reference, default);
        await ledger.ReserveAsync(kept, variants[0].Id, warehouse.Id, 4, Reference, default);
        await ledger.ReserveAsync(cancelled, variants[0].Id, warehouse.Id, 3, Reference, default);
        await db.SaveChangesAsync();

        var released = await ledger.ReleaseAsync([cancelled], Reference, default);
        await db.SaveChangesAsync();

        Assert.Equal(3, released);
        var level = await db.InventoryLevels.AsNoTracking().SingleAsync();
        Assert.Equal(4, level.Reserved);
        var open = await db.Reservations.Where(r => r.Status == ReservationStatus.Open).ToListAsync();
        Assert.Equal(kept, Assert.Single(open).OrderLineId);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ConcurrentReservationsNeverOversell(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid variantId;
        Guid warehouseId;
        List<Guid> lines;
        await using (var db = database.CreateDbContext())
        {
            var (warehouse, variants) = await CatalogSeed.AddAsync(db, "MIL", "0001234");
            (variantId, warehouseId) = (variants[0].Id, warehouse.Id);
            lines = await CatalogSeed.AddOrderLinesAsync(db, 40);
            await new StockLedger(db, clock).SetOnHandAsync(
                variantId, warehouseId, 3, MovementReason.InitialCount, Reference, default);
            await db.SaveChangesAsync();
        }

        // Each worker reserves in its own context and transaction, as the inbox job does for each delivery.
        var results = await Task.WhenAll(lines.Select(line => Task.Run(async () =>
        {
            await using var db = database.CreateDbContext();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var reserved = await new StockLedger(db, clock)
                .ReserveAsync(line, variantId, warehouseId, 1, Reference, default);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return reserved;
        })));

        await using var check = database.CreateDbContext();
        var level = await check.InventoryLevels.AsNoTracking().SingleAsync();
        Assert.Equal(3, results.Sum());
        Assert.Equal(3, level.Reserved);
        Assert.Equal(3, await check.Reservations.SumAsync(r => r.Quantity));
        Assert.Equal(level.Reserved, await check.InventoryMovements.SumAsync(m => m.ReservedDelta));
        Assert.Equal(level.OnHand, await check.InventoryMovements.SumAsync(m => m.OnHandDelta));
    }
}
