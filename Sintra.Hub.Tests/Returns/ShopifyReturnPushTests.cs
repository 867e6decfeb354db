using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Core.Returns;
using Sintra.Hub.Infrastructure.Orders;
using Sintra.Hub.Infrastructure.Returns;
using Sintra.Hub.Infrastructure.Shopify.Admin;
using Sintra.Hub.Tests.Shopify.Fake;
using Sintra.Hub.Tests.StockSync;

namespace Sintra.Hub.Tests.Returns;

/// <summary>Returns pushed to the fake Shopify server over real HTTP by the outbox.</summary>
public sealed class ShopifyReturnPushTests
{
    private const long OrderExternalId = 840001;
    private const long MugLineItemId = 940001;
    private const long CardLineItemId = 940002;
    private const string OrderName = "#8401";

    [Fact]
    public async Task RequestApproveCloseReachShopInOrder()
    {
        await using var harness = await StartAsync();
        var seed = await SeedAsync(harness);

        var returnId = await CreateAsync(harness, seed, ReturnOrigin.Customer, mugs: 2);
        await harness.ProcessOutboxAsync();
        await WorkflowAsync(harness, service => service.ApproveAsync(returnId, "staff@example.it", CancellationToken.None));
        await harness.ProcessOutboxAsync();
        await ReceiveAsync(harness, returnId, refund: 0m);
        await harness.ProcessOutboxAsync();

        var operations = harness.Server.Requests.Select(r => r.OperationName)
            .Where(o => o is ShopifyReturnDocuments.RequestReturnOperation or ShopifyReturnDocuments.ApproveReturnOperation
                or ShopifyReturnDocuments.CloseReturnOperation or ShopifyReturnDocuments.CreateReturnOperation)
            .ToList();
        Assert.Equal(
            [ShopifyReturnDocuments.RequestReturnOperation, ShopifyReturnDocuments.ApproveReturnOperation,
                ShopifyReturnDocuments.CloseReturnOperation],
            operations);
        var shopReturn = Assert.Single(harness.Shop.Returns);
        Assert.Equal("CLOSED", shopReturn.Status);
        Assert.Equal(OrderExternalId, shopReturn.OrderId);
        var line = Assert.Single(shopReturn.Lines);
        Assert.Equal(MugLineItemId, line.LineItemId);
        Assert.Equal(2, line.Quantity);
        Assert.Equal("size: Troppo piccola", line.Note);
        await using var db = harness.CreateDbContext();
        var request = await db.Set<ReturnRequest>().SingleAsync();
        Assert.Equal(ShopifyFulfillmentDocuments.NumericId(shopReturn.Id), request.ExternalId);
        var rows = await ChannelRowsAsync(db, ReturnOutboxTopics.ChannelPush);
        Assert.All(rows, row => Assert.Equal(OutboxStatus.Done, row.Status));
        Assert.Equal(3, rows.Count);
        Assert.Empty(harness.Shop.Refunds);
    }

    [Fact]
    public async Task DeclineCarriesReason()
    {
        await using var harness = await StartAsync();
        var seed = await SeedAsync(harness);

        var returnId = await CreateAsync(harness, seed, ReturnOrigin.Customer, mugs: 1);
        await harness.ProcessOutboxAsync();
        await WorkflowAsync(harness, service =>
            service.RejectAsync(returnId, "La tazza è stata usata", "staff@example.it", CancellationToken.None));
        await harness.ProcessOutboxAsync();

        var shopReturn = Assert.Single(harness.Shop.Returns);
        Assert.Equal("DECLINED", shopReturn.Status);
        Assert.Equal("OTHER", shopReturn.DeclineReason);
        Assert.Equal("La tazza è stata usata", shopReturn.DeclineNote);
        var decline = Assert.Single(harness.Server.RequestsFor(ShopifyReturnDocuments.DeclineReturnOperation));
        Assert.False(decline.Variables.GetProperty("input").GetProperty("notifyCustomer").GetBoolean());
    }

    [Fact]
    public async Task StaffReturnUsesReturnCreate()
    {
        await using var harness = await StartAsync();
        var seed = await SeedAsync(harness);

        await CreateAsync(harness, seed, ReturnOrigin.Staff, mugs: 1, cards: 1);
        await harness.ProcessOutboxAsync();

        Assert.Empty(harness.Server.RequestsFor(ShopifyReturnDocuments.RequestReturnOperation));
        Assert.Single(harness.Server.RequestsFor(ShopifyReturnDocuments.CreateReturnOperation));
        var shopReturn = Assert.Single(harness.Shop.Returns);
        Assert.Equal("OPEN", shopReturn.Status);
        Assert.False(shopReturn.NotifyCustomer);
        Assert.Equal(
            [(MugLineItemId, 1), (CardLineItemId, 1)],
            shopReturn.Lines.Select(l => (l.LineItemId, l.Quantity)).OrderBy(l => l.LineItemId).ToList());
        await using var db = harness.CreateDbContext();
        Assert.Equal(ShopifyFulfillmentDocuments.NumericId(shopReturn.Id), (await db.Set<ReturnRequest>().SingleAsync()).ExternalId);
    }

    [Fact]
    public async Task RefundSendsKeyAndCappedAmount()
    {
        await using var harness = await StartAsync();
        var seed = await SeedAsync(harness);
        var returnId = await CreateAsync(harness, seed, ReturnOrigin.Staff, mugs: 2);
        await harness.ProcessOutboxAsync();
        await ReceiveAsync(harness, returnId, refund: 28m);

        // The shop refunded the card in the meantime, so only 30 - 5 = 25 EUR may still be refunded.
        await using (var db = harness.CreateDbContext())
        {
            var card = await db.OrderLines.SingleAsync(l => l.Id == seed.CardLineId);
            card.RefundedQuantity = 1;
            await db.SaveChangesAsync();
        }

        await harness.ProcessOutboxAsync();

        var refund = Assert.Single(harness.Shop.Refunds);
        Assert.Equal(25m, refund.Amount);
        Assert.Equal("EUR", refund.Currency);
        Assert.Equal(OrderExternalId, refund.OrderId);
        Assert.Equal("shopify_payments", refund.Gateway);
        await using var check = harness.CreateDbContext();
        var row = Assert.Single(await ChannelRowsAsync(check, ReturnOutboxTopics.ChannelRefund));
        Assert.Equal(OutboxStatus.Done, row.Status);
        Assert.NotNull(row.IdempotencyKey);
        Assert.Equal(row.IdempotencyKey, refund.IdempotencyKey);
        var sent = Assert.Single(harness.Server.RequestsFor(ShopifyReturnDocuments.CreateRefundOperation));
        Assert.Equal(row.IdempotencyKey, sent.IdempotencyKey);
        var transaction = sent.Variables.GetProperty("input").GetProperty("transactions")[0];
        Assert.Equal("25.00", transaction.GetProperty("amount").GetString());
        Assert.Equal("REFUND", transaction.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task RefundRetryReusesKey()
    {
        await using var harness = await StartAsync();
        var seed = await SeedAsync(harness);
        var returnId = await CreateAsync(harness, seed, ReturnOrigin.Staff, mugs: 1);
        await harness.ProcessOutboxAsync();
        await ReceiveAsync(harness, returnId, refund: 12.5m);
        harness.Server.FailNextCall(ShopifyReturnDocuments.CreateRefundOperation,
            new FakeFailure(FakeFailureKind.ServerErrorAfterApplying));

        await harness.ProcessOutboxAsync();

        var calls = harness.Server.RequestsFor(ShopifyReturnDocuments.CreateRefundOperation);
        Assert.Equal(2, calls.Count);
        Assert.Equal("injected-500-after-applying", calls[0].Outcome);
        Assert.Equal("replayed", calls[1].Outcome);
        Assert.Equal(calls[0].IdempotencyKey, calls[1].IdempotencyKey);
        var refund = Assert.Single(harness.Shop.Refunds);
        Assert.Equal(12.5m, refund.Amount);
        await using var db = harness.CreateDbContext();
        var row = Assert.Single(await ChannelRowsAsync(db, ReturnOutboxTopics.ChannelRefund));
        Assert.Equal(OutboxStatus.Done, row.Status);
        Assert.Equal(row.IdempotencyKey, calls[0].IdempotencyKey);
        Assert.Equal(1, await db.Set<ReturnEvent>().CountAsync(e => e.Kind == "push:refund"));
    }

    [Fact]
    public async Task UserErrorFailsRow()
    {
        await using var harness = await StartAsync();
        var seed = await SeedAsync(harness);

        // One mug was already returned in the Shopify admin, so Shopify accepts at most one more.
        harness.Shop.AddShopReturn(OrderExternalId, MugLineItemId, 1);
        await CreateAsync(harness, seed, ReturnOrigin.Customer, mugs: 2);
        await harness.ProcessOutboxAsync();

        await using var db = harness.CreateDbContext();
        var row = Assert.Single(await ChannelRowsAsync(db, ReturnOutboxTopics.ChannelPush));
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Contains("Quantity 2 is greater than the returnable quantity (1).", row.LastError, StringComparison.Ordinal);
        Assert.Contains(OrderName, row.LastError, StringComparison.Ordinal);
        Assert.Null((await db.Set<ReturnRequest>().SingleAsync()).ExternalId);
        Assert.Single(harness.Shop.Returns);
    }

    [Fact]
    public async Task DecisionWaitsForRequestPush()
    {
        await using var harness = await StartAsync();
        var seed = await SeedAsync(harness);
        var returnId = await CreateAsync(harness, seed, ReturnOrigin.Customer, mugs: 1);
        harness.Server.FailNextCall(ShopifyReturnDocuments.RequestReturnOperation, new FakeFailure(FakeFailureKind.ServerError));
        await WorkflowAsync(harness, service => service.ApproveAsync(returnId, "staff@example.it", CancellationToken.None));

        await harness.ProcessOutboxAsync();

        await using var db = harness.CreateDbContext();
        var rows = await ChannelRowsAsync(db, ReturnOutboxTopics.ChannelPush);
        Assert.All(rows, row => Assert.Equal(OutboxStatus.Retrying, row.Status));
        Assert.Contains("waits until its request reaches Shopify", rows[1].LastError, StringComparison.Ordinal);
        Assert.Empty(harness.Shop.Returns);
        Assert.Empty(harness.Server.RequestsFor(ShopifyReturnDocuments.ApproveReturnOperation));
    }

    [Fact]
    public async Task WebhookEchoLinksPushedReturn()
    {
        await using var harness = await StartAsync();
        var seed = await SeedAsync(harness);
        var returnId = await CreateAsync(harness, seed, ReturnOrigin.Customer, mugs: 2);
        await harness.ProcessOutboxAsync();
        var shopReturnId = ShopifyFulfillmentDocuments.NumericId(Assert.Single(harness.Shop.Returns).Id)!.Value;

        var echoed = await harness.InScopeAsync(services => services.GetRequiredService<ReturnService>()
            .ApplyChannelAsync(harness.Channel.Id,
                new ChannelReturn(shopReturnId, OrderExternalId, ReturnStatus.Requested, null,
                    [new ChannelReturnLine(MugLineItemId, 2)]),
                CancellationToken.None));

        Assert.Equal(returnId, echoed.Id);
        await using var db = harness.CreateDbContext();
        var request = await db.Set<ReturnRequest>().SingleAsync();
        Assert.Equal(shopReturnId, request.ExternalId);
        Assert.Equal(ReturnOrigin.Customer, request.Origin);
    }

    [Fact]
    public async Task ChannelWithoutSettingsFailsRow()
    {
        await using var harness = await StartAsync();
        var seed = await SeedAsync(harness);
        await using (var db = harness.CreateDbContext())
        {
            await db.ShopifySyncs.Where(s => s.ChannelId == harness.Channel.Id).ExecuteDeleteAsync();
        }

        await CreateAsync(harness, seed, ReturnOrigin.Customer, mugs: 1);
        await harness.ProcessOutboxAsync();

        await using var check = harness.CreateDbContext();
        var row = Assert.Single(await ChannelRowsAsync(check, ReturnOutboxTopics.ChannelPush));
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.Contains($"Channel '{harness.Channel.Name}'", row.LastError, StringComparison.Ordinal);
        Assert.Contains("has no Shopify Admin API settings", row.LastError, StringComparison.Ordinal);
        Assert.Empty(harness.Server.Requests);
    }

    private static Task<StockSyncHarness> StartAsync() =>
        StockSyncHarness.StartAsync(configure: services =>
        {
            services.AddOrderWorkflow();
            services.AddScoped<ReturnService>();
            services.AddShopifyReturnPush();
        });

    private sealed record Seed(Guid OrderId, Guid MugLineId, Guid CardLineId);

    /// <summary>
    /// Adds a paid order of two mugs (12.50 EUR each) and one card (5 EUR), fulfilled in the shop, and return
    /// settings with a 30-day window for the harness channel.
    /// </summary>
    private static async Task<Seed> SeedAsync(StockSyncHarness harness)
    {
        harness.Shop.AddFulfilledOrder(OrderExternalId, "EUR", 30m, (MugLineItemId, 2), (CardLineItemId, 1));
        return await harness.InScopeAsync(async services =>
        {
            var db = services.GetRequiredService<HubDbContext>();
            var mug = new OrderLine { ExternalId = MugLineItemId, Sku = "TAZZA-BLU", Title = "Tazza in ceramica", Quantity = 2, Price = 12.5m };
            var card = new OrderLine { ExternalId = CardLineItemId, Sku = "BIGLIETTO", Title = "Biglietto d'auguri", Quantity = 1, Price = 5m };
            var order = new Order
            {
                ChannelId = harness.Channel.Id,
                ExternalId = OrderExternalId,
                Name = OrderName,
                Currency = "EUR",
                PresentmentCurrency = "EUR",
                TotalPrice = 30m,
                PlacedAt = harness.Clock.GetUtcNow().UtcDateTime.AddDays(-3),
            };
            order.Lines.Add(mug);
            order.Lines.Add(card);
            order.MarkPaid();
            db.Orders.Add(order);
            db.Add(new ChannelReturnSettings
            {
                ChannelId = harness.Channel.Id,
                Slug = "sintra-test",
                WindowDays = 30,
                Reasons = ReturnSettingsService.DefaultReasons(),
            });
            await db.SaveChangesAsync();
            return new Seed(order.Id, mug.Id, card.Id);
        });
    }

    private static async Task<Guid> CreateAsync(StockSyncHarness harness, Seed seed, ReturnOrigin origin, int mugs,
        int cards = 0)
    {
        var lines = new List<ReturnDraftLine> { new(seed.MugLineId, mugs) };
        if (cards > 0)
        {
            lines.Add(new ReturnDraftLine(seed.CardLineId, cards));
        }

        var created = await harness.InScopeAsync(services => services.GetRequiredService<ReturnService>().CreateAsync(
            new ReturnDraft(seed.OrderId, "size", "Troppo piccola", lines, origin, "it", "chiara@example.it"),
            CancellationToken.None));
        Assert.True(created.Succeeded, created.Error);
        return created.Return!.Id;
    }

    private static async Task WorkflowAsync(StockSyncHarness harness, Func<ReturnService, Task<ReturnTransition>> action)
    {
        var result = await harness.InScopeAsync(services => action(services.GetRequiredService<ReturnService>()));
        Assert.True(result.Changed, result.Error);
    }

    private static async Task ReceiveAsync(StockSyncHarness harness, Guid returnId, decimal refund)
    {
        List<ReturnLineDecision> decisions;
        await using (var db = harness.CreateDbContext())
        {
            decisions = await db.Set<ReturnLine>().Where(l => l.ReturnRequestId == returnId)
                .Select(l => new ReturnLineDecision(l.Id, ReturnDisposition.Restock, harness.Warehouse.Id))
                .ToListAsync();
        }

        await WorkflowAsync(harness, service =>
            service.ReceiveAsync(returnId, decisions, refund, "magazzino@example.it", CancellationToken.None));
    }

    private static Task<List<OutboxMessage>> ChannelRowsAsync(HubDbContext db, string topic) =>
        db.OutboxMessages.AsNoTracking().Where(m => m.Topic == topic).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .ToListAsync();
}
