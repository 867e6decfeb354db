using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Inventory.Queries;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Persistence;

namespace Sintra.Hub.Tests.Admin;

public sealed class WarehouseSettingsServiceTests
{
    [Theory]
    [InlineData("", WarehouseSettingsService.Errors.CodeRequired)]
    [InlineData("   ", WarehouseSettingsService.Errors.CodeRequired)]
    [InlineData("MIL 1", WarehouseSettingsService.Errors.CodeFormat)]
    [InlineData("MIL!", WarehouseSettingsService.Errors.CodeFormat)]
    [InlineData("MAGAZZINO-CENTRALE-DI-MILANO-NORD", WarehouseSettingsService.Errors.CodeFormat)]
    [InlineData("CITTÀ", WarehouseSettingsService.Errors.CodeFormat)]
    public void ValidateRejectsBadCodes(string code, string expected)
    {
        var errors = WarehouseSettingsService.Validate(new WarehouseInput { Code = code, Name = "Milano" });

        var error = Assert.Single(errors);
        Assert.Equal(nameof(WarehouseInput.Code), error.Field);
        Assert.Equal(expected, error.Code);
    }

    [Theory]
    [InlineData("MIL")]
    [InlineData("mil-2_b")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345")]
    public void ValidateAcceptsGoodCodes(string code)
    {
        Assert.Empty(WarehouseSettingsService.Validate(new WarehouseInput { Code = code, Name = "Milano" }));
    }

    [Fact]
    public void ValidateRequiresName()
    {
        var error = Assert.Single(WarehouseSettingsService.Validate(new WarehouseInput { Code = "MIL", Name = " " }));

        Assert.Equal(nameof(WarehouseInput.Name), error.Field);
        Assert.Equal(WarehouseSettingsService.Errors.NameRequired, error.Code);
    }

    [Fact]
    public async Task SaveCreatesWithNormalizedCode()
    {
        await using var data = await AdminData.CreateAsync();
        var service = new WarehouseSettingsService(data);

        var result = await service.SaveAsync(
            null, 0, new WarehouseInput { Code = " mil-1 ", Name = " Milano ", Address = "  " }, CancellationToken.None);

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        await using var db = data.CreateDbContext();
        var stored = await db.Warehouses.SingleAsync();
        Assert.Equal(result.Id, stored.Id);
        Assert.Equal("MIL-1", stored.Code);
        Assert.Equal("Milano", stored.Name);
        Assert.Null(stored.Address);
        Assert.True(stored.IsActive);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SaveRejectsDuplicateCode(DatabaseProvider provider)
    {
        await using var data = await AdminData.CreateAsync(provider);
        await data.AddWarehouseAsync("MIL");
        var service = new WarehouseSettingsService(data);

        var result = await service.SaveAsync(
            null, 0, new WarehouseInput { Code = "mil", Name = "Altro" }, CancellationToken.None);

        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Equal(WarehouseSettingsService.Errors.CodeTaken, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task SaveKeepsOwnCodeOnEdit()
    {
        await using var data = await AdminData.CreateAsync();
        var warehouse = await data.AddWarehouseAsync("MIL");
        var service = new WarehouseSettingsService(data);

        var result = await service.SaveAsync(
            warehouse.Id, warehouse.Version, new WarehouseInput { Code = "MIL", Name = "Milano Nord" }, CancellationToken.None);

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        Assert.Equal(warehouse.Version + 1, result.Version);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SaveWithStaleVersionConflicts(DatabaseProvider provider)
    {
        await using var data = await AdminData.CreateAsync(provider);
        var warehouse = await data.AddWarehouseAsync("MIL", "Milano");
        var service = new WarehouseSettingsService(data);
        var loadedVersion = warehouse.Version;

        var first = await service.SaveAsync(
            warehouse.Id, loadedVersion, new WarehouseInput { Code = "MIL", Name = "Milano Nord" }, CancellationToken.None);
        var second = await service.SaveAsync(
            warehouse.Id, loadedVersion, new WarehouseInput { Code = "MIL", Name = "Milano Sud" }, CancellationToken.None);

        Assert.Equal(SaveOutcome.Saved, first.Outcome);
        Assert.Equal(SaveOutcome.Conflict, second.Outcome);
        await using var db = data.CreateDbContext();
        Assert.Equal("Milano Nord", (await db.Warehouses.SingleAsync()).Name);
    }

    [Fact]
    public async Task UnchangedStaleSaveStillConflicts()
    {
        await using var data = await AdminData.CreateAsync();
        var warehouse = await data.AddWarehouseAsync("MIL", "Milano");
        var service = new WarehouseSettingsService(data);
        await service.SaveAsync(
            warehouse.Id, warehouse.Version, new WarehouseInput { Code = "MIL", Name = "Milano Nord" }, CancellationToken.None);

        var stale = await service.SaveAsync(
            warehouse.Id, warehouse.Version, new WarehouseInput { Code = "MIL", Name = "Milano Nord" }, CancellationToken.None);

        Assert.Equal(SaveOutcome.Conflict, stale.Outcome);
    }

    [Fact]
    public async Task DeactivateKeepsWarehouseRow()
    {
        await using var data = await AdminData.CreateAsync();
        var warehouse = await data.AddWarehouseAsync("MIL");
        var service = new WarehouseSettingsService(data);

        var result = await service.SaveAsync(
            warehouse.Id,
            warehouse.Version,
            new WarehouseInput { Code = "MIL", Name = "Milano", IsActive = false },
            CancellationToken.None);

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        var row = Assert.Single(await new WarehouseListService(data).ListAsync(CancellationToken.None));
        Assert.False(row.IsActive);
    }

    [Fact]
    public async Task SaveUnknownIdIsNotFound()
    {
        await using var data = await AdminData.CreateAsync();

        var result = await new WarehouseSettingsService(data).SaveAsync(
            Guid.NewGuid(), 0, new WarehouseInput { Code = "MIL", Name = "Milano" }, CancellationToken.None);

        Assert.Equal(SaveOutcome.NotFound, result.Outcome);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ListCountsItemsAndOnHand(DatabaseProvider provider)
    {
        await using var data = await AdminData.CreateAsync(provider);
        var milano = await data.AddWarehouseAsync("MIL");
        await data.AddWarehouseAsync("ROM");
        var product = await data.AddProductAsync("vaso", "Vaso", variants: [("VA-S", 1m), ("VA-M", 1m)]);
        await data.AddLevelAsync(product.Variants[0].Id, milano.Id, onHand: 7, reserved: 2);
        await data.AddLevelAsync(product.Variants[1].Id, milano.Id, onHand: 5);

        var rows = await new WarehouseListService(data).ListAsync(CancellationToken.None);

        Assert.Equal(["MIL", "ROM"], rows.Select(r => r.Code));
        Assert.Equal(2, rows[0].ItemCount);
        Assert.Equal(12, rows[0].TotalOnHand);
        Assert.Equal(0, rows[1].ItemCount);
        Assert.Equal(0, rows[1].TotalOnHand);
    }
}
