using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Inventory.Import;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.StockImport;

public sealed class StockImportProfileServiceTests
{
    [Fact]
    public async Task InvalidProfileListsEveryError()
    {
        await using var kit = await StockImportKit.CreateAsync(("A-1", null));
        var service = new StockImportProfileService(new ContextFactory(kit.Database));
        var input = new StockImportProfile
        {
            Name = " ", Delimiter = ":", Culture = "xx-NOPE", HasHeader = false, KeyColumn = "sku",
            QuantityColumn = "0",
        };

        var result = await service.SaveAsync(null, 0, input, CancellationToken.None);

        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Equal(
            [
                ("Name", StockImportProfileRules.Errors.NameRequired),
                ("Delimiter", StockImportProfileRules.Errors.DelimiterInvalid),
                ("Culture", StockImportProfileRules.Errors.CultureUnknown),
                ("KeyColumn", StockImportProfileRules.Errors.ColumnNumberInvalid),
                ("QuantityColumn", StockImportProfileRules.Errors.ColumnNumberInvalid),
                ("WarehouseId", StockImportProfileRules.Errors.WarehouseRequired),
            ],
            result.Errors.Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public async Task StaleSaveReturnsConflict()
    {
        await using var kit = await StockImportKit.CreateAsync(("A-1", null));
        var service = new StockImportProfileService(new ContextFactory(kit.Database));
        var created = await service.SaveAsync(null, 0, kit.Profile(), CancellationToken.None);
        var id = created.Id!.Value;

        var first = kit.Profile();
        first.Name = "Renamed";
        var saved = await service.SaveAsync(id, created.Version!.Value, first, CancellationToken.None);
        var stale = await service.SaveAsync(id, created.Version!.Value, kit.Profile(), CancellationToken.None);

        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        Assert.Equal(SaveOutcome.Conflict, stale.Outcome);
        Assert.Equal("Renamed", (await service.FindAsync(id, CancellationToken.None))!.Name);
    }

    [Fact]
    public async Task DuplicateNameRejected()
    {
        await using var kit = await StockImportKit.CreateAsync(("A-1", null));
        var service = new StockImportProfileService(new ContextFactory(kit.Database));
        await service.SaveAsync(null, 0, kit.Profile(), CancellationToken.None);

        var second = await service.SaveAsync(null, 0, kit.Profile(), CancellationToken.None);

        var error = Assert.Single(second.Errors);
        Assert.Equal(StockImportProfileRules.Errors.NameTaken, error.Code);
    }

    [Fact]
    public async Task WarehouseColumnClearsFixedWarehouse()
    {
        await using var kit = await StockImportKit.CreateAsync(("A-1", null));
        var service = new StockImportProfileService(new ContextFactory(kit.Database));
        var input = kit.Profile();
        input.WarehouseColumn = " magazzino ";

        var saved = await service.SaveAsync(null, 0, input, CancellationToken.None);

        var stored = (await service.FindAsync(saved.Id!.Value, CancellationToken.None))!;
        Assert.Equal("magazzino", stored.WarehouseColumn);
        Assert.Null(stored.WarehouseId);
    }

    private sealed class ContextFactory(TestDatabase database) : IDbContextFactory<HubDbContext>
    {
        public HubDbContext CreateDbContext() => database.CreateDbContext();
    }
}
