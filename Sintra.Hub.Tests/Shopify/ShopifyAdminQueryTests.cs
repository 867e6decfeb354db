using Sintra.Hub.Infrastructure.Shopify.Admin;

namespace Sintra.Hub.Tests.Shopify;

public sealed class ShopifyAdminQueryTests
{
    [Fact]
    public async Task LocationsAreReadAcrossPages()
    {
        await using var harness = await ShopifyTestHarness.StartAsync();
        for (var i = 1; i <= 260; i++)
        {
            harness.Shop.AddLocation($"Magazzino {i:000}", isActive: i % 10 != 0);
        }

        var result = await harness.RunAsync(harness.Client.GetLocationsAsync());

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(260, result.Value!.Count);
        Assert.Equal("Magazzino 001", result.Value[0].Name);
        Assert.Equal("Magazzino 260", result.Value[^1].Name);
        Assert.Equal(26, result.Value.Count(location => !location.IsActive));
        var requests = harness.Server.RequestsFor(ShopifyAdminDocuments.GetLocationsOperation);
        Assert.Equal(2, requests.Count);
        Assert.Equal(250, requests[0].Variables.GetProperty("first").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, requests[0].Variables.GetProperty("after").ValueKind);
        Assert.False(string.IsNullOrEmpty(requests[1].Variables.GetProperty("after").GetString()));
    }

    [Fact]
    public async Task SkuLookupMatchesExactly()
    {
        await using var harness = await ShopifyTestHarness.StartAsync();
        var upper = harness.Shop.AddVariant("MAGLIA-ROSSA-M");
        var lower = harness.Shop.AddVariant("maglia-rossa-m");
        var padded = harness.Shop.AddVariant("0042");
        harness.Shop.AddVariant("42");
        var quoted = harness.Shop.AddVariant("TAZZA \"XL\"");
        harness.Shop.AddVariant("DOPPIO");
        harness.Shop.AddVariant("DOPPIO");

        var result = await harness.RunAsync(harness.Client.FindInventoryItemsBySkuAsync(
            ["maglia-rossa-m", "0042", "TAZZA \"XL\"", "DOPPIO", "NON-ESISTE"]));

        Assert.True(result.IsSuccess, result.Error?.Message);
        var lookup = result.Value!;
        Assert.Equal(3, lookup.Found.Count);
        Assert.Equal(lower.Id, lookup.Found["maglia-rossa-m"].VariantId);
        Assert.Equal(lower.InventoryItemId, lookup.Found["maglia-rossa-m"].InventoryItemId);
        Assert.DoesNotContain(lookup.Found.Values, variant => variant.VariantId == upper.Id);
        Assert.Equal(padded.Id, lookup.Found["0042"].VariantId);
        Assert.Equal(quoted.InventoryItemId, lookup.Found["TAZZA \"XL\""].InventoryItemId);
        Assert.Equal(["NON-ESISTE"], lookup.Missing);
        Assert.Equal(["DOPPIO"], lookup.Ambiguous);
    }

    [Fact]
    public async Task SkuLookupSendsBatchesOfFifty()
    {
        await using var harness = await ShopifyTestHarness.StartAsync();
        var skus = Enumerable.Range(1, 120).Select(i => $"SKU-{i:0000}").ToList();
        foreach (var sku in skus)
        {
            harness.Shop.AddVariant(sku);
        }

        var result = await harness.RunAsync(harness.Client.FindInventoryItemsBySkuAsync(skus));

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(120, result.Value!.Found.Count);
        var requests = harness.Server.RequestsFor(ShopifyAdminDocuments.FindVariantsBySkuOperation);
        Assert.Equal(3, requests.Count);
        var firstQuery = requests[0].Variables.GetProperty("query").GetString();
        Assert.StartsWith("sku:\"SKU-0001\" OR sku:\"SKU-0002\"", firstQuery, StringComparison.Ordinal);
        Assert.Equal("sku:\"SKU-0120\"", requests[2].Variables.GetProperty("query").GetString()!.Split(" OR ")[^1]);
    }

    [Fact]
    public async Task LevelsReturnOnHandAvailableCommitted()
    {
        await using var harness = await ShopifyTestHarness.StartAsync();
        var milano = harness.Shop.AddLocation("Milano");
        var roma = harness.Shop.AddLocation("Roma");
        var stocked = harness.Shop.AddVariant("VASO-01");
        var elsewhere = harness.Shop.AddVariant("VASO-02");
        harness.Shop.SetLevel(stocked.InventoryItemId, milano.Id, onHand: 12, committed: 5);
        harness.Shop.SetLevel(elsewhere.InventoryItemId, roma.Id, onHand: 3);

        var result = await harness.RunAsync(harness.Client.GetInventoryLevelsAsync(
            [stocked.InventoryItemId, elsewhere.InventoryItemId, "gid://shopify/InventoryItem/1"], milano.Id));

        Assert.True(result.IsSuccess, result.Error?.Message);
        var level = Assert.Single(result.Value!);
        Assert.Equal(stocked.InventoryItemId, level.InventoryItemId);
        Assert.Equal(milano.Id, level.LocationId);
        Assert.Equal(12, level.OnHand);
        Assert.Equal(7, level.Available);
        Assert.Equal(5, level.Committed);
    }

    [Fact]
    public async Task BadTokenReturnsUnauthorizedError()
    {
        await using var harness = await ShopifyTestHarness.StartAsync();
        var client = harness.CreateClient(harness.Server.Connection with { AccessToken = "shpat_revoked" });

        var result = await harness.RunAsync(client.GetLocationsAsync());

        Assert.False(result.IsSuccess);
        Assert.Equal(ShopifyAdminErrorKind.Unauthorized, result.Error!.Kind);
        Assert.Equal(401, result.Error.StatusCode);
        Assert.Contains("access token", result.Error.Message, StringComparison.Ordinal);
        Assert.Single(harness.Server.Requests);
        Assert.DoesNotContain(harness.Log.Entries, entry => entry.Message.Contains("shpat_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownApiVersionReturnsNotFound()
    {
        await using var harness = await ShopifyTestHarness.StartAsync();
        harness.Options.ApiVersion = "2019-01";

        var result = await harness.RunAsync(harness.Client.GetLocationsAsync());

        Assert.Equal(ShopifyAdminErrorKind.NotFound, result.Error!.Kind);
        Assert.Contains("/admin/api/2019-01/graphql.json", result.Error.Message, StringComparison.Ordinal);
    }
}
