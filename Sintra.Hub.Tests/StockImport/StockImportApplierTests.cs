using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Inventory.Import;
using Sintra.Hub.Infrastructure.Persistence;

namespace Sintra.Hub.Tests.StockImport;

public sealed class StockImportApplierTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task FullCountKeepsLaterMovements(DatabaseProvider provider)
    {
        await using var kit = await StockImportKit.CreateOnAsync(provider, ("A-1", null), ("A-2", null));
        await kit.SetOnHandAsync(0, 10);
        kit.Clock.Advance(TimeSpan.FromHours(1));
        var countedAt = kit.Clock.GetUtcNow().UtcDateTime;
        kit.Clock.Advance(TimeSpan.FromMinutes(30));
        await kit.SetOnHandAsync(0, 7);
        kit.Clock.Advance(TimeSpan.FromMinutes(30));
        await ReserveAsync(kit, 0, 2);

        var preview = await kit.PreviewAsync(kit.Profile(), Encoding.UTF8.GetBytes("sku,qty\nA-1,8\nA-2,4\n"), countedAt);
        var changed = await kit.ApplyAsync(Guid.NewGuid(), preview);

        Assert.Equal(-3, preview.Rows[0].ChangeSinceCount);
        Assert.Equal(5, preview.Rows[0].TargetOnHand);
        Assert.Equal(2, changed);
        var level = await kit.LevelAsync(0);
        Assert.Equal(5, level!.OnHand);
        Assert.Equal(2, level.Reserved);
        Assert.Equal(4, (await kit.LevelAsync(1))!.OnHand);
    }

    [Fact]
    public async Task ChangeAfterPreviewIsKept()
    {
        await using var kit = await StockImportKit.CreateAsync(("A-1", null));
        await kit.SetOnHandAsync(0, 10);
        kit.Clock.Advance(TimeSpan.FromHours(1));
        var preview = await kit.PreviewAsync(kit.Profile(), Encoding.UTF8.GetBytes("sku,qty\nA-1,8\n"));
        kit.Clock.Advance(TimeSpan.FromMinutes(5));
        await kit.SetOnHandAsync(0, 9);

        await kit.ApplyAsync(Guid.NewGuid(), preview);

        Assert.Equal(8, preview.Rows[0].TargetOnHand);
        Assert.Equal(7, (await kit.LevelAsync(0))!.OnHand);
    }

    [Fact]
    public async Task MovementsCarryImportReference()
    {
        await using var kit = await StockImportKit.CreateAsync(("A-1", null), ("A-2", null));
        var importId = Guid.NewGuid();

        var preview = await kit.PreviewAsync(kit.Profile(), Encoding.UTF8.GetBytes("sku,qty\nA-1,8\nA-2,4\n"));
        await kit.ApplyAsync(importId, preview);

        var movements = await kit.ImportMovementsAsync();
        Assert.Equal([$"{importId}:2", $"{importId}:3"], movements.Select(m => m.ReferenceId));
        Assert.All(movements, m => Assert.Equal(MovementReason.Count, m.Reason));
        Assert.All(movements, m => Assert.Equal("anna@example.com", m.Actor));
        var record = await kit.ImportRecordAsync(importId);
        Assert.Equal(StockImportStatus.Applied, record.Status);
        Assert.Equal(2, record.ChangedCount);
        Assert.Equal(StockImportKit.Start, record.FinishedAt);
    }

    [Fact]
    public async Task DeltaModeAddsAndSubtracts()
    {
        await using var kit = await StockImportKit.CreateAsync(("A-1", null), ("A-2", null));
        await kit.SetOnHandAsync(0, 5);
        await kit.SetOnHandAsync(1, 5);

        var preview = await kit.PreviewAsync(
            kit.Profile(StockImportMode.Delta), Encoding.UTF8.GetBytes("sku,qty\nA-1,3\nA-2,-2\n"));
        await kit.ApplyAsync(Guid.NewGuid(), preview);

        Assert.Equal(8, (await kit.LevelAsync(0))!.OnHand);
        Assert.Equal(3, (await kit.LevelAsync(1))!.OnHand);
        Assert.All(await kit.ImportMovementsAsync(), m => Assert.Equal(MovementReason.Adjustment, m.Reason));
    }

    [Fact]
    public async Task DeltaBelowZeroIsRowError()
    {
        await using var kit = await StockImportKit.CreateAsync(("A-1", null));
        await kit.SetOnHandAsync(0, 1);

        var preview = await kit.PreviewAsync(kit.Profile(StockImportMode.Delta), Encoding.UTF8.GetBytes("sku,qty\nA-1,-2\n"));

        var error = Assert.Single(preview.Errors);
        Assert.Equal(StockRowErrorCode.BelowZero, error.Code);
        Assert.Equal("-1", error.Value);
        Assert.False(preview.CanApply);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task UndoRestoresOnHand(DatabaseProvider provider)
    {
        await using var kit = await StockImportKit.CreateOnAsync(provider, ("A-1", null), ("A-2", null));
        await kit.SetOnHandAsync(0, 5);
        var importId = Guid.NewGuid();
        var preview = await kit.PreviewAsync(kit.Profile(), Encoding.UTF8.GetBytes("sku,qty\nA-1,9\nA-2,4\n"));
        await kit.ApplyAsync(importId, preview);

        var reversed = await kit.UndoAsync(importId);

        Assert.Equal(2, reversed);
        Assert.Equal(5, (await kit.LevelAsync(0))!.OnHand);
        Assert.Equal(0, (await kit.LevelAsync(1))!.OnHand);
        var undo = (await kit.ImportMovementsAsync()).Where(m => m.ReferenceId!.EndsWith(":undo")).ToList();
        Assert.Equal([-4, -4], undo.Select(m => m.OnHandDelta));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SecondUndoRejected(DatabaseProvider provider)
    {
        await using var kit = await StockImportKit.CreateOnAsync(provider, ("A-1", null));
        var importId = Guid.NewGuid();
        var preview = await kit.PreviewAsync(kit.Profile(), Encoding.UTF8.GetBytes("sku,qty\nA-1,9\n"));
        await kit.ApplyAsync(importId, preview);
        await kit.UndoAsync(importId);

        var rejected = await Assert.ThrowsAsync<StockImportRejectedException>(() => kit.UndoAsync(importId));

        Assert.Contains("Only an applied import", rejected.Message);
        Assert.Equal(0, (await kit.LevelAsync(0))!.OnHand);
        Assert.Single(await kit.ImportMovementsAsync(), m => m.ReferenceId!.EndsWith(":undo"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task UndoBelowZeroRejectedWhole(DatabaseProvider provider)
    {
        await using var kit = await StockImportKit.CreateOnAsync(provider, ("A-1", null), ("A-2", null));
        await kit.SetOnHandAsync(0, 2);
        var importId = Guid.NewGuid();
        var preview = await kit.PreviewAsync(kit.Profile(), Encoding.UTF8.GetBytes("sku,qty\nA-1,10\nA-2,4\n"));
        await kit.ApplyAsync(importId, preview);
        await kit.SetOnHandAsync(0, 5);

        var rejected = await Assert.ThrowsAsync<StockImportRejectedException>(() => kit.UndoAsync(importId));

        Assert.Contains("line 2 to -3", rejected.Message);
        Assert.Equal(5, (await kit.LevelAsync(0))!.OnHand);
        Assert.Equal(4, (await kit.LevelAsync(1))!.OnHand);
        Assert.DoesNotContain(await kit.ImportMovementsAsync(), m => m.ReferenceId!.EndsWith(":undo"));
    }

    [Fact]
    public async Task DatabaseFailureWritesNothing()
    {
        await using var kit = await StockImportKit.CreateAsync(("A-1", null), ("A-2", null), ("A-3", null));
        await kit.SetOnHandAsync(0, 1);
        await kit.SetOnHandAsync(1, 1);
        await kit.SetOnHandAsync(2, 1);
        var preview = await kit.PreviewAsync(kit.Profile(), Encoding.UTF8.GetBytes("sku,qty\nA-1,7\nA-2,8\nA-3,9\n"));
        var options = new DbContextOptionsBuilder<SqliteHubDbContext>()
            .UseSqlite(kit.Database.ConnectionString)
            .AddInterceptors(new FailingLevelUpdate(failOn: 2))
            .Options;

        var importId = Guid.NewGuid();

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => kit.ApplyAsync(importId, preview, new SqliteHubDbContext(options)));

        Assert.Equal(StockImportStatus.Applying, (await kit.ImportRecordAsync(importId)).Status);

        for (var variant = 0; variant < 3; variant++)
        {
            Assert.Equal(1, (await kit.LevelAsync(variant))!.OnHand);
        }

        Assert.Empty(await kit.ImportMovementsAsync());
    }

    private static async Task ReserveAsync(StockImportKit kit, int variant, int quantity)
    {
        await using var db = kit.Database.CreateDbContext();
        var lines = await Support.CatalogSeed.AddOrderLinesAsync(db, 1);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await new StockLedger(db, kit.Clock).ReserveAsync(
            lines[0], kit.Variants[variant].Id, kit.Warehouse.Id, quantity,
            new StockReference(StockReferenceTypes.Order, "order", "test"), CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    /// <summary>Throws on the given UPDATE of an inventory level, as a lost connection would mid-import.</summary>
    private sealed class FailingLevelUpdate(int failOn) : DbCommandInterceptor
    {
        private int updates;

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command,
            CommandEventData eventData,
            InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("UPDATE \"InventoryLevels\"", StringComparison.Ordinal) && ++updates == failOn)
            {
                throw new InvalidOperationException("Simulated database failure.");
            }

            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
