using System.Text.Json;

using Sintra.Hub.Infrastructure.Shopify.Admin;
using Sintra.Hub.Tests.Shopify.Fake;

namespace Sintra.Hub.Tests.Shopify;

public sealed class ShopifySetQuantitiesTests
{
    [Fact]
    public async Task SixHundredQuantitiesSendThreeCalls()
    {
        await using var harness = await ShopifyTestHarness.StartAsync();
        var location = harness.Shop.AddLocation("Bologna");
        var quantities = StockItems(harness, location, count: 600, onHand: 1)
            .Select((item, i) => new OnHandQuantity(item.InventoryItemId, location.Id, i + 10, 1))
            .ToList();

        var result = await harness.RunAsync(harness.Client.SetOnHandQuantitiesAsync(
            Request(quantities, "push-600")));

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(SetQuantitiesStatus.Applied, result.Value!.Status);
        Assert.Equal(3, result.Value.AppliedBatches);
        Assert.Equal(600, result.Value.Changes.Count(change => change.Name == "on_hand"));
        var calls = harness.Server.RequestsFor(ShopifyAdminDocuments.SetOnHandQuantitiesOperation);
        Assert.Equal([250, 250, 100], calls.Select(call => Input(call).GetProperty("quantities").GetArrayLength()));
        Assert.Equal(["push-600", "push-600-2", "push-600-3"], calls.Select(call => call.IdempotencyKey));
        Assert.Equal(3, harness.Shop.AppliedAdjustmentGroups);
        Assert.Equal(10, harness.Shop.GetLevel(quantities[0].InventoryItemId, location.Id)!.OnHand);
        Assert.Equal(609, harness.Shop.GetLevel(quantities[599].InventoryItemId, location.Id)!.OnHand);
    }

    [Fact]
    public async Task MutationSendsDocumentedInput()
    {
        await using var harness = await ShopifyTestHarness.StartAsync();
        var location = harness.Shop.AddLocation("Torino");
        var item = StockItems(harness, location, count: 1, onHand: 4)[0];

        var result = await harness.RunAsync(harness.Client.SetOnHandQuantitiesAsync(Request(
            [new OnHandQuantity(item.InventoryItemId, location.Id, 9, null)], "push-input")));

        Assert.True(result.IsSuccess, result.Error?.Message);
        var input = Input(Assert.Single(harness.Server.Requests));
        Assert.Equal("on_hand", input.GetProperty("name").GetString());
        Assert.Equal("correction", input.GetProperty("reason").GetString());
        Assert.Equal("sintra-hub://stock-push/push-input", input.GetProperty("referenceDocumentUri").GetString());
        var quantity = input.GetProperty("quantities")[0];
        Assert.Equal(9, quantity.GetProperty("quantity").GetInt32());
        Assert.Equal(JsonValueKind.Null, quantity.GetProperty("changeFromQuantity").ValueKind);
        var change = Assert.Single(result.Value!.Changes, change => change.Name == "on_hand");
        Assert.Equal(5, change.Delta);
        Assert.Equal(9, change.QuantityAfterChange);
    }

    [Fact]
    public async Task StaleCompareReturnsItemsChangesNothing()
    {
        await using var harness = await ShopifyTestHarness.StartAsync();
        var location = harness.Shop.AddLocation("Napoli");
        var items = StockItems(harness, location, count: 3, onHand: 5);
        harness.Shop.SetLevel(items[1].InventoryItemId, location.Id, onHand: 8);
        var quantities = items.Select(item => new OnHandQuantity(item.InventoryItemId, location.Id, 2, 5)).ToList();

        var result = await harness.RunAsync(harness.Client.SetOnHandQuantitiesAsync(Request(quantities, "push-stale")));

        Assert.True(result.IsSuccess, result.Error?.Message);
        var outcome = result.Value!;
        Assert.Equal(SetQuantitiesStatus.CompareFailed, outcome.Status);
        Assert.Equal(0, outcome.AppliedBatches);
        Assert.Equal(items[1].InventoryItemId, Assert.Single(outcome.StaleQuantities).InventoryItemId);
        Assert.Equal("CHANGE_FROM_QUANTITY_STALE", Assert.Single(outcome.UserErrors).Code);
        Assert.Equal(5, harness.Shop.GetLevel(items[0].InventoryItemId, location.Id)!.OnHand);
        Assert.Equal(8, harness.Shop.GetLevel(items[1].InventoryItemId, location.Id)!.OnHand);
        Assert.Equal(5, harness.Shop.GetLevel(items[2].InventoryItemId, location.Id)!.OnHand);
        Assert.Equal(0, harness.Shop.AppliedAdjustmentGroups);
        Assert.Single(harness.Log.MessagesWithEventId(4105));
    }

    [Fact]
    public async Task RetryAfterServerErrorAppliesOnce()
    {
        await using var harness = await ShopifyTestHarness.StartAsync();
        var location = harness.Shop.AddLocation("Firenze");
        var item = StockItems(harness, location, count: 1, onHand: 3)[0];
        harness.Server.FailNext(1, new FakeFailure(FakeFailureKind.ServerErrorAfterApplying));

        var result = await harness.RunAsync(harness.Client.SetOnHandQuantitiesAsync(Request(
            [new OnHandQuantity(item.InventoryItemId, location.Id, 11, 3)], "push-retry")));

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(SetQuantitiesStatus.Applied, result.Value!.Status);
        var calls = harness.Server.Requests;
        Assert.Equal(2, calls.Count);
        Assert.Equal("injected-500-after-applying", calls[0].Outcome);
        Assert.Equal("replayed", calls[1].Outcome);
        Assert.All(calls, call => Assert.Equal("push-retry", call.IdempotencyKey));
        Assert.Equal(1, harness.Shop.AppliedAdjustmentGroups);
        Assert.Equal(11, harness.Shop.GetLevel(item.InventoryItemId, location.Id)!.OnHand);
        Assert.Equal(TimeSpan.FromSeconds(1), harness.Clock.Advanced);
        Assert.Single(harness.Log.MessagesWithEventId(4103));
    }

    [Fact]
    public async Task ReusedKeyWithOtherInputIsRejected()
    {
        await using var harness = await ShopifyTestHarness.StartAsync();
        var location = harness.Shop.AddLocation("Bari");
        var item = StockItems(harness, location, count: 1, onHand: 3)[0];
        await harness.RunAsync(harness.Client.SetOnHandQuantitiesAsync(Request(
            [new OnHandQuantity(item.InventoryItemId, location.Id, 4, 3)], "push-reused")));

        var result = await harness.RunAsync(harness.Client.SetOnHandQuantitiesAsync(Request(
            [new OnHandQuantity(item.InventoryItemId, location.Id, 6, 4)], "push-reused")));

        Assert.Equal(SetQuantitiesStatus.Rejected, result.Value!.Status);
        Assert.Equal("IDEMPOTENCY_KEY_PARAMETER_MISMATCH", Assert.Single(result.Value.UserErrors).Code);
        Assert.Equal(4, harness.Shop.GetLevel(item.InventoryItemId, location.Id)!.OnHand);
    }

    private static SetOnHandQuantitiesRequest Request(IReadOnlyList<OnHandQuantity> quantities, string key) =>
        new(quantities, ShopifyInventoryReasons.Correction, ShopifyReferences.StockPush(key), key);

    private static List<FakeVariant> StockItems(ShopifyTestHarness harness, FakeLocation location, int count,
        int onHand)
    {
        var items = new List<FakeVariant>();
        for (var i = 0; i < count; i++)
        {
            var variant = harness.Shop.AddVariant($"ART-{i:0000}");
            harness.Shop.SetLevel(variant.InventoryItemId, location.Id, onHand);
            items.Add(variant);
        }

        return items;
    }

    private static JsonElement Input(FakeRequest request) => request.Variables.GetProperty("input");
}
