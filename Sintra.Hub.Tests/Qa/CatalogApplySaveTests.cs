using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Sintra.Hub.Core.Catalog.Import;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Infrastructure.Persistence;
using Sintra.Hub.Tests.Support;
using static Sintra.Hub.Tests.Catalog.CatalogTestKit;

namespace Sintra.Hub.Tests.Qa;

public class CatalogApplySaveTests
{
    [Fact]
    public async Task InitialCountsSavedInFewBatches()
    {
        const int rows = 300;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Guid warehouseId;
        await using (var setup = database.CreateDbContext())
        {
            var warehouse = new Warehouse { Code = "MIL", Name = "Magazzino Milano" };
            setup.Warehouses.Add(warehouse);
            await setup.SaveChangesAsync();
            warehouseId = warehouse.Id;
        }

        var csv = new StringBuilder("Handle,Title,Option1 Name,Option1 Value,Variant SKU,Variant Price,Variant Inventory Qty\n");
        for (var i = 0; i < rows; i++)
        {
            csv.Append($"tazza-{i / 3},Tazza {i / 3},Colore,C{i % 3},TZ-{i:D4},12.50,{i % 7 + 1}\n");
        }

        var saves = new SaveCounter();
        var options = new DbContextOptionsBuilder<SqliteHubDbContext>()
            .UseSqlite(database.ConnectionString)
            .AddInterceptors(saves)
            .Options;
        await using (var db = new SqliteHubDbContext(options))
        {
            var result = await Importer(db).ApplyAsync(Text(csv.ToString()), new ImportRequest("MIL", "test"), default);

            Assert.True(result.Applied);
            Assert.Equal(rows, result.MovementsWritten);
        }

        // One save per row made a 10,000-row file take minutes, because each save scans every tracked entity.
        Assert.InRange(saves.Count, 1, 4);
        await using var check = database.CreateDbContext();
        var levels = await check.InventoryLevels.Where(l => l.WarehouseId == warehouseId).ToListAsync();
        Assert.Equal(rows, levels.Count);
        Assert.Equal(Enumerable.Range(0, rows).Sum(i => i % 7 + 1), levels.Sum(l => l.OnHand));
        Assert.All(levels, l => Assert.Equal(1, l.Version));
        var movements = await check.InventoryMovements.ToListAsync();
        Assert.Equal(rows, movements.Count);
        Assert.All(movements, m => Assert.Equal(m.OnHandDelta, m.OnHandAfter));
    }

    private sealed class SaveCounter : SaveChangesInterceptor
    {
        public int Count { get; private set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData,
            InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            Count++;
            return ValueTask.FromResult(result);
        }
    }
}
