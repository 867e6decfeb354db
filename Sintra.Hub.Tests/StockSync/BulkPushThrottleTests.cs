using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Infrastructure.Shopify.Admin;

namespace Sintra.Hub.Tests.StockSync;

public sealed class BulkPushThrottleTests
{
    private const int Items = 10_000;

    [Fact]
    public async Task TenThousandItemsFitFortyMutations()
    {
        await using var harness = await StockSyncHarness.StartAsync();
        var skus = Enumerable.Range(1, Items).Select(i => $"MASSA-{i:D5}").ToArray();
        await harness.AddVariantsAsync(hubOnHand: 7, shopOnHand: 2, skus);

        await harness.ProcessOutboxAsync();

        var rows = await harness.OutboxAsync();
        var outcomes = string.Join(", ", harness.Server.Requests.GroupBy(r => (r.OperationName, r.Outcome))
            .Select(g => $"{g.Key.OperationName} {g.Key.Outcome}: {g.Count()}"));
        Assert.All(rows, row => Assert.True(row.Status == OutboxStatus.Done,
            $"Row {row.Id} is {row.Status}: {row.LastError} Requests: {outcomes}"));
        var mutations = harness.Server.RequestsFor(ShopifyAdminDocuments.SetOnHandQuantitiesOperation);
        Assert.InRange(mutations.Count, 1, 40);
        Assert.All(mutations, call => Assert.Equal("ok", call.Outcome));
        Assert.Equal(Items, mutations.Sum(call =>
            call.Variables.GetProperty("input").GetProperty("quantities").GetArrayLength()));
        Assert.Equal(Items, rows.Count);
        Assert.All(skus, sku => Assert.Equal(7,
            harness.Shop.GetLevel(harness.Shop.FindVariant(sku)!.InventoryItemId, harness.Location.Id)!.OnHand));

        // Throttled replies may occur, because the client waits for the bucket; none may end a request as failed.
        Assert.All(harness.Server.Requests, call => Assert.Contains(call.Outcome, new[] { "ok", "throttled" }));
    }
}
