using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Catalog.Queries;
using Sintra.Hub.Infrastructure.Persistence;

namespace Sintra.Hub.Tests.Admin;

public sealed class ProductListServiceTests
{
    [Fact]
    public async Task ListPagesSortedByTitle()
    {
        await using var data = await AdminData.CreateAsync();
        for (var i = 1; i <= 30; i++)
        {
            await data.AddProductAsync($"tazza-{i:D2}", $"Tazza {i:D2}", ProductStatus.Active, ($"TZ-{i:D2}", 10m));
        }

        var service = new ProductListService(data);
        var page = await service.ListAsync(new ProductListQuery(Skip: 10, Take: 10), CancellationToken.None);

        Assert.Equal(30, page.TotalCount);
        Assert.Equal(10, page.Rows.Count);
        Assert.Equal("Tazza 11", page.Rows[0].Title);
        Assert.Equal("Tazza 20", page.Rows[^1].Title);
    }

    [Fact]
    public async Task ListSortsByTitleDescending()
    {
        await using var data = await AdminData.CreateAsync();
        await data.AddProductAsync("alfa", "Alfa", ProductStatus.Active, ("A-1", 1m));
        await data.AddProductAsync("beta", "Beta", ProductStatus.Active, ("B-1", 1m));

        var page = await new ProductListService(data).ListAsync(
            new ProductListQuery(SortBy: ProductSortColumn.Title, Descending: true),
            CancellationToken.None);

        Assert.Equal(["Beta", "Alfa"], page.Rows.Select(r => r.Title));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SearchMatchesSkuExactly(DatabaseProvider provider)
    {
        await using var data = await AdminData.CreateAsync(provider);
        var padded = await data.AddProductAsync("piatto-fondo", "Piatto fondo", ProductStatus.Active, ("00123", 9m));
        var plain = await data.AddProductAsync("piatto-piano", "Piatto piano", ProductStatus.Active, ("123", 9m));
        var service = new ProductListService(data);

        var byPadded = await service.ListAsync(new ProductListQuery(Search: "00123"), CancellationToken.None);
        var byPlain = await service.ListAsync(new ProductListQuery(Search: "123"), CancellationToken.None);
        var byPrefix = await service.ListAsync(new ProductListQuery(Search: "0012"), CancellationToken.None);

        Assert.Equal([padded.Id], byPadded.Rows.Select(r => r.Id));
        Assert.Equal([plain.Id], byPlain.Rows.Select(r => r.Id));
        Assert.Empty(byPrefix.Rows);
        Assert.Equal(0, byPrefix.TotalCount);
    }

    [Fact]
    public async Task SearchMatchesBarcodeExactly()
    {
        await using var data = await AdminData.CreateAsync();
        var product = await data.AddProductAsync("ciotola", "Ciotola", ProductStatus.Active, ("CI-1", 5m), ("CI-2", 6m));
        var service = new ProductListService(data);

        // AdminData gives the second variant the barcode "801" + its SKU.
        var found = await service.ListAsync(new ProductListQuery(Search: "801CI-2"), CancellationToken.None);
        var partial = await service.ListAsync(new ProductListQuery(Search: "801CI"), CancellationToken.None);

        Assert.Equal([product.Id], found.Rows.Select(r => r.Id));
        Assert.Empty(partial.Rows);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SearchMatchesTitleIgnoringCase(DatabaseProvider provider)
    {
        await using var data = await AdminData.CreateAsync(provider);
        var mug = await data.AddProductAsync("tazza-blu", "Tazza Blu Notte", ProductStatus.Active, ("TB-1", 12m));
        await data.AddProductAsync("piatto", "Piatto", ProductStatus.Active, ("PI-1", 12m));

        var page = await new ProductListService(data).ListAsync(
            new ProductListQuery(Search: "blu notte"),
            CancellationToken.None);

        Assert.Equal([mug.Id], page.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task StatusFilterKeepsOnlyThatStatus()
    {
        await using var data = await AdminData.CreateAsync();
        await data.AddProductAsync("attivo", "Attivo", ProductStatus.Active, ("AT-1", 1m));
        var draft = await data.AddProductAsync("bozza", "Bozza", ProductStatus.Draft, ("BO-1", 1m));

        var page = await new ProductListService(data).ListAsync(
            new ProductListQuery(Status: ProductStatus.Draft),
            CancellationToken.None);

        Assert.Equal(1, page.TotalCount);
        Assert.Equal(draft.Id, Assert.Single(page.Rows).Id);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task RowsSumStockAcrossWarehouses(DatabaseProvider provider)
    {
        await using var data = await AdminData.CreateAsync(provider);
        var milano = await data.AddWarehouseAsync("MIL");
        var roma = await data.AddWarehouseAsync("ROM");
        var product = await data.AddProductAsync(
            "vaso", "Vaso", ProductStatus.Active, ("VA-S", 19.90m), ("VA-M", 24.50m), ("VA-L", 31m));
        await data.AddLevelAsync(product.Variants[0].Id, milano.Id, onHand: 10, reserved: 3, unavailable: 1);
        await data.AddLevelAsync(product.Variants[0].Id, roma.Id, onHand: 4, reserved: 6);
        await data.AddLevelAsync(product.Variants[1].Id, milano.Id, onHand: 2);

        var row = Assert.Single((await new ProductListService(data).ListAsync(new ProductListQuery(), CancellationToken.None)).Rows);

        Assert.Equal(3, row.VariantCount);
        Assert.Equal(16, row.OnHand);
        Assert.Equal(9, row.Reserved);
        Assert.Equal(6, row.Available);
        Assert.Equal(19.90m, row.MinPrice);
        Assert.Equal(31m, row.MaxPrice);
    }

    [Fact]
    public async Task ProductWithoutStockShowsZeros()
    {
        await using var data = await AdminData.CreateAsync();
        await data.AddProductAsync("senza-varianti", "Senza varianti");

        var row = Assert.Single((await new ProductListService(data).ListAsync(new ProductListQuery(), CancellationToken.None)).Rows);

        Assert.Equal(0, row.VariantCount);
        Assert.Equal(0, row.OnHand);
        Assert.Equal(0, row.Available);
        Assert.Null(row.MinPrice);
        Assert.Null(row.MaxPrice);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SortByAvailablePutsShortfallLast(DatabaseProvider provider)
    {
        await using var data = await AdminData.CreateAsync(provider);
        var warehouse = await data.AddWarehouseAsync("MIL");
        var plenty = await data.AddProductAsync("molti", "Molti", ProductStatus.Active, ("MO-1", 1m));
        var shortfall = await data.AddProductAsync("scoperto", "Scoperto", ProductStatus.Active, ("SC-1", 1m));
        var few = await data.AddProductAsync("pochi", "Pochi", ProductStatus.Active, ("PO-1", 1m));
        await data.AddLevelAsync(plenty.Variants[0].Id, warehouse.Id, onHand: 50);
        await data.AddLevelAsync(shortfall.Variants[0].Id, warehouse.Id, onHand: 1, reserved: 3);
        await data.AddLevelAsync(few.Variants[0].Id, warehouse.Id, onHand: 5);

        var page = await new ProductListService(data).ListAsync(
            new ProductListQuery(SortBy: ProductSortColumn.Available, Descending: true),
            CancellationToken.None);

        Assert.Equal(["Molti", "Pochi", "Scoperto"], page.Rows.Select(r => r.Title));
        Assert.Equal(-2, page.Rows[^1].Available);
    }
}
