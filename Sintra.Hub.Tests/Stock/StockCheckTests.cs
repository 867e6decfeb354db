using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Persistence;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Stock;

public class StockCheckTests
{
    private const string Admin = "admin@example.com";

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task CleanLedgerOpensNoIssue()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateDbContext();
        var scene = await StockScene.CreateAsync(db, clock, milan: 5, rome: 2);
        await new StockLedger(db, clock).ReserveAsync(
            scene.LineIds[0], scene.VariantId, scene.MilanId, 2, StockScene.Seed, default);
        await db.SaveChangesAsync();

        var summary = await Service(db).RunAsync("tests", default);

        Assert.Equal(2, summary.LevelsChecked);
        Assert.Equal(0, summary.Mismatches);
        Assert.Empty(await db.StockCheckIssues.ToListAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task TamperedOnHandIsFoundAndRepaired(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        StockScene scene;
        await using (var seed = database.CreateDbContext())
        {
            scene = await StockScene.CreateAsync(seed, clock, milan: 5, rome: 2);
            await seed.InventoryLevels.Where(l => l.WarehouseId == scene.MilanId)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.OnHand, 9));
        }

        await using (var db = database.CreateDbContext())
        {
            var summary = await Service(db).RunAsync("tests", default);
            Assert.Equal(1, summary.Mismatches);
            Assert.Equal(1, summary.IssuesOpened);
        }

        Guid issueId;
        await using (var db = database.CreateDbContext())
        {
            var issue = await db.StockCheckIssues.AsNoTracking().SingleAsync();
            Assert.Equal(StockQuantity.OnHand, issue.Quantity);
            Assert.Equal(scene.MilanId, issue.WarehouseId);
            Assert.Equal(9, issue.LevelValue);
            Assert.Equal(5, issue.LedgerValue);
            Assert.Equal("Test:seed", issue.Documents);
            issueId = issue.Id;

            var result = await Service(db).RepairAsync(issueId, Admin, default);
            Assert.True(result.Succeeded);
        }

        await using var check = database.CreateDbContext();
        var correction = await check.InventoryMovements.AsNoTracking()
            .SingleAsync(m => m.Reason == MovementReason.Correction);
        Assert.Equal(4, correction.OnHandDelta);
        Assert.Equal(9, correction.OnHandAfter);
        Assert.Equal(Admin, correction.Actor);
        Assert.Equal(StockReferenceTypes.StockCheckIssue, correction.ReferenceType);
        Assert.Equal(issueId.ToString(), correction.ReferenceId);
        var repaired = await check.StockCheckIssues.AsNoTracking().SingleAsync();
        Assert.Equal(StockCheckIssueStatus.Repaired, repaired.Status);
        Assert.Equal(Admin, repaired.ClosedBy);
        var ledgerOnHand = await check.InventoryMovements
            .Where(m => m.WarehouseId == scene.MilanId).SumAsync(m => m.OnHandDelta);
        Assert.Equal(9, ledgerOnHand);
        Assert.Equal(0, (await Service(check).RunAsync("tests", default)).Mismatches);
    }

    [Fact]
    public async Task ReservedRepairUsesOpenRows()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateDbContext();
        var scene = await StockScene.CreateAsync(db, clock, milan: 5, rome: 0);
        await new StockLedger(db, clock).ReserveAsync(
            scene.LineIds[0], scene.VariantId, scene.MilanId, 3, StockScene.Seed, default);
        await db.SaveChangesAsync();
        await db.InventoryLevels.Where(l => l.WarehouseId == scene.MilanId)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Reserved, 1));
        await Service(db).RunAsync("tests", default);
        var issue = await db.StockCheckIssues.AsNoTracking().SingleAsync();

        var result = await Service(db).RepairAsync(issue.Id, Admin, default);

        Assert.Equal(StockQuantity.Reserved, issue.Quantity);
        Assert.Equal(3, issue.OpenReservations);
        Assert.True(result.Succeeded);
        var level = await db.InventoryLevels.AsNoTracking().SingleAsync(l => l.WarehouseId == scene.MilanId);
        Assert.Equal(3, level.Reserved);
        var correction = Assert.Single(result.Movements);
        Assert.Equal(0, correction.ReservedDelta);
        Assert.Equal(3, correction.ReservedAfter);
        Assert.Equal(0, (await Service(db).RunAsync("tests", default)).Mismatches);
    }

    [Fact]
    public async Task AgreeingLevelResolvesOpenIssue()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateDbContext();
        var scene = await StockScene.CreateAsync(db, clock, milan: 5, rome: 0);
        await db.InventoryLevels.Where(l => l.WarehouseId == scene.MilanId)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Unavailable, 2));
        await Service(db).RunAsync("tests", default);
        await db.InventoryLevels.Where(l => l.WarehouseId == scene.MilanId)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Unavailable, 0));

        var summary = await Service(db).RunAsync("stock-check", default);

        Assert.Equal(1, summary.IssuesResolved);
        var issue = await db.StockCheckIssues.AsNoTracking().SingleAsync();
        Assert.Equal(StockQuantity.Unavailable, issue.Quantity);
        Assert.Equal(StockCheckIssueStatus.Resolved, issue.Status);
        Assert.Equal("stock-check", issue.ClosedBy);
    }

    private StockCheckService Service(HubDbContext db) => new(db, new StockLedger(db, clock), clock);
}
