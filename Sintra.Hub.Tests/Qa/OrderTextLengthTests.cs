using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Webhooks;
using Sintra.Hub.Infrastructure.Persistence;
using Sintra.Hub.Infrastructure.Shopify;
using Sintra.Hub.Tests.Orders;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Qa;

public class OrderTextLengthTests
{
    private static readonly DateTime Placed = new(2026, 5, 4, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task LongOrderTextFitsColumns()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new FakeTimeProvider(new DateTimeOffset(Placed.AddMinutes(5)));
        await using var host = new IngestionHost(database, clock);
        await using (var seed = database.CreateDbContext())
        {
            await ShopTestData.SeedAsync(seed, ["TZ-LUNGA"], 4);
        }

        var body = JsonNode.Parse(
            ShopifyOrderJson.Create(4242, Placed, Placed, "paid", [new TestLine(1, "TZ-LUNGA", 1)]))!.AsObject();
        var longText = new string('v', 6000);
        body["email"] = longText + "@example.it";
        body["note"] = longText;
        body["billing_address"] = new JsonObject
        {
            ["first_name"] = longText,
            ["address1"] = "Via " + longText,
            ["city"] = "Città " + longText,
            ["zip"] = "20" + longText,
            ["country_code"] = "ITA",
        };
        var line = body["line_items"]![0]!.AsObject();
        line["title"] = "Tazza " + longText;
        line["variant_title"] = new string('x', 499) + "😀";

        await using var channels = database.CreateDbContext();
        var channelId = await channels.Channels.Select(c => c.Id).SingleAsync();
        var id = await host.EnqueueAsync(channelId, ShopifyTopics.OrdersCreate, body.ToJsonString(), Placed);
        var status = await host.Processor.ProcessAsync(id, CancellationToken.None);

        Assert.Equal(InboxStatus.Processed, status);
        await using var db = database.CreateDbContext();
        var order = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.ExternalId == 4242);
        Assert.Equal(320, order.Email!.Length);
        Assert.Equal(5000, order.Note!.Length);
        Assert.Equal(255, order.BillingAddress.FirstName!.Length);
        Assert.Equal(255, order.BillingAddress.Address1!.Length);
        Assert.Equal(32, order.BillingAddress.Zip!.Length);
        Assert.Equal("IT", order.BillingAddress.CountryCode);
        var stored = Assert.Single(order.Lines);
        Assert.Equal(500, stored.Title.Length);
        Assert.StartsWith("Tazza vvv", stored.Title, StringComparison.Ordinal);
        Assert.Equal(499, stored.VariantTitle!.Length);
        Assert.False(char.IsSurrogate(stored.VariantTitle[^1]));
    }
}
