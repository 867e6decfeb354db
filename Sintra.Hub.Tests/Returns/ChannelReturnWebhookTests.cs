using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Returns;
using Sintra.Hub.Infrastructure.Persistence;
using Sintra.Hub.Infrastructure.Shopify;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Returns;

public sealed class ChannelReturnWebhookTests
{
    private static readonly DateTime Now = new(2026, 6, 10, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ParserReadsReturnWebhook()
    {
        const string body = """
            {"id": 945000954, "status": "declined", "order": {"id": 450789469},
             "decline": {"reason": "RETURN_PERIOD_ENDED", "note": "Oltre i 30 giorni."},
             "return_line_items": [{"id": 1, "quantity": 2, "fulfillment_line_item": {"line_item": {"id": 77}}}]}
            """;

        var parsed = ShopifyReturnParser.Parse(ShopifyReturnParser.ReturnsDecline, body);

        Assert.Equal(945000954, parsed.ExternalId);
        Assert.Equal(450789469, parsed.OrderExternalId);
        Assert.Equal(ReturnStatus.Rejected, parsed.Status);
        Assert.Equal("Oltre i 30 giorni.", parsed.DeclineReason);
        Assert.Equal([new ChannelReturnLine(77, 2)], parsed.Lines);
    }

    [Fact]
    public async Task WebhookLinksHubReturnOnce()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new FakeTimeProvider(new DateTimeOffset(Now));
        ReturnsSeed seed;
        long orderExternalId;
        await using (var db = database.CreateDbContext())
        {
            seed = await ReturnsSeed.SaveAsync(db, Now);
            orderExternalId = (await db.Orders.SingleAsync()).ExternalId;
            var draft = new ReturnDraft(seed.OrderId, "size", null, [new ReturnDraftLine(seed.CardLineId, 1)], ReturnOrigin.Customer, "it", "test");
            Assert.Null((await new ReturnService(db, new StockLedger(db, clock), clock).CreateAsync(draft, CancellationToken.None)).Error);
        }

        var requested = new ChannelReturn(5001, orderExternalId, ReturnStatus.Requested, null, [new ChannelReturnLine(77, 1)]);
        var approved = requested with { Status = ReturnStatus.Approved };
        await using (var db = database.CreateDbContext())
        {
            await new ReturnService(db, new StockLedger(db, clock), clock).ApplyChannelAsync(seed.ChannelId, requested, CancellationToken.None);
        }

        await using (var db = database.CreateDbContext())
        {
            await new ReturnService(db, new StockLedger(db, clock), clock).ApplyChannelAsync(seed.ChannelId, approved, CancellationToken.None);
        }

        await using var check = database.CreateDbContext();
        var request = await check.Set<ReturnRequest>().SingleAsync();
        Assert.Equal(5001, request.ExternalId);
        Assert.Equal(ReturnStatus.Approved, request.Status);
        Assert.Equal(ReturnOrigin.Customer, request.Origin);
        Assert.Equal(1, await check.OutboxMessages.CountAsync(m => m.Topic == ReturnOutboxTopics.ApprovedEmail));
    }

    [Fact]
    public async Task WebhookAddsShopReturn()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new FakeTimeProvider(new DateTimeOffset(Now));
        await using var db = database.CreateDbContext();
        var seed = await ReturnsSeed.SaveAsync(db, Now);
        var order = await db.Orders.Include(o => o.Lines).SingleAsync();
        var mug = order.Lines.Single(l => l.Id == seed.MugLineId);
        var service = new ReturnService(db, new StockLedger(db, clock), clock);

        var request = await service.ApplyChannelAsync(
            seed.ChannelId,
            new ChannelReturn(6001, order.ExternalId, ReturnStatus.Requested, null, [new ChannelReturnLine(mug.ExternalId, 2)]),
            CancellationToken.None);
        var missingOrder = await Assert.ThrowsAsync<InvalidOperationException>(() => service.ApplyChannelAsync(
            seed.ChannelId, new ChannelReturn(6002, 123, ReturnStatus.Requested, null, []), CancellationToken.None));

        Assert.Equal(ReturnOrigin.Channel, request.Origin);
        Assert.Equal("R-000001", request.Number);
        Assert.Equal(2, request.Lines.Single().Quantity);
        Assert.Contains("order 123", missingOrder.Message);
    }
}
