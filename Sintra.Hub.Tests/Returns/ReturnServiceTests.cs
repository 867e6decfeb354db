using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Core.Returns;
using Sintra.Hub.Infrastructure.Persistence;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Returns;

public sealed class ReturnServiceTests
{
    private static readonly DateTime Now = new(2026, 6, 10, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public Task ConcurrentRequestsRespectQuantityOnSqlite() => ConcurrentRequestsAsync(DatabaseProvider.Sqlite);

    [Fact]
    public Task ConcurrentRequestsRespectQuantityOnPostgres() => ConcurrentRequestsAsync(DatabaseProvider.PostgreSql);

    [Fact]
    public async Task TransitionsRejectInvalidMoves()
    {
        var request = new ReturnRequest { Number = "R-000001", ReasonCode = "size" };

        Assert.False(request.Receive(Now).Changed);
        Assert.False(request.Close(Now).Changed);
        Assert.False(request.Reject(" ", Now).Changed);
        Assert.True(request.Approve(Now).Changed);
        Assert.False(request.Approve(Now).Changed);
        Assert.Equal("Return R-000001 is Approved; only a requested return can be rejected.", request.Reject("no", Now).Error);
        Assert.True(request.Receive(Now).Changed);
        Assert.True(request.Close(Now).Changed);
        Assert.Equal(ReturnStatus.Closed, request.Status);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task ReceiveRestocksAndMovesDamaged()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var clock = new FakeTimeProvider(new DateTimeOffset(Now));
        ReturnsSeed seed;
        await using (var db = database.CreateDbContext())
        {
            seed = await ReturnsSeed.SaveAsync(db, Now);
        }

        Guid returnId;
        await using (var db = database.CreateDbContext())
        {
            var service = Service(db, clock);
            var created = await service.CreateAsync(Draft(seed, 2, ReturnOrigin.Staff), CancellationToken.None);
            Assert.Null(created.Error);
            returnId = created.Return!.Id;
        }

        await using (var db = database.CreateDbContext())
        {
            var service = Service(db, clock);
            var request = await db.Set<ReturnRequest>().Include(r => r.Lines).SingleAsync();
            Assert.Equal(ReturnStatus.Approved, request.Status);
            var tooMuch = await service.ReceiveAsync(
                returnId, [new ReturnLineDecision(request.Lines[0].Id, ReturnDisposition.Damaged, seed.WarehouseId)], 30.01m, "staff", CancellationToken.None);
            Assert.Equal("Refund 30.01 EUR exceeds the 30.00 EUR that may still be refunded.", tooMuch.Error);
        }

        await using (var db = database.CreateDbContext())
        {
            var service = Service(db, clock);
            var request = await db.Set<ReturnRequest>().Include(r => r.Lines).SingleAsync();
            var received = await service.ReceiveAsync(
                returnId, [new ReturnLineDecision(request.Lines[0].Id, ReturnDisposition.Damaged, seed.WarehouseId)], 25m, "staff", CancellationToken.None);
            Assert.Null(received.Error);
        }

        await using var check = database.CreateDbContext();
        var level = await check.InventoryLevels.SingleAsync(l => l.VariantId == seed.VariantId && l.WarehouseId == seed.WarehouseId);
        Assert.Equal(2, level.OnHand);
        Assert.Equal(2, level.Unavailable);
        var reasons = await check.InventoryMovements.Where(m => m.VariantId == seed.VariantId).Select(m => m.Reason).ToListAsync();
        Assert.Equal([MovementReason.Return, MovementReason.Damaged], reasons.Order().ToList());
        var closed = await check.Set<ReturnRequest>().Include(r => r.Lines).SingleAsync();
        Assert.Equal(ReturnStatus.Closed, closed.Status);
        Assert.Equal(25m, closed.RefundAmount);
        Assert.Equal(ReturnDisposition.Damaged, closed.Lines[0].Disposition);
        Assert.Equal(1, await check.OutboxMessages.CountAsync(m => m.Topic == ReturnOutboxTopics.ChannelRefund));
    }

    [Fact]
    public async Task UnknownReasonIsRejected()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateDbContext();
        var seed = await ReturnsSeed.SaveAsync(db, Now);

        var result = await Service(db, new FakeTimeProvider(new DateTimeOffset(Now)))
            .CreateAsync(Draft(seed, 1, ReturnOrigin.Customer) with { ReasonCode = "capriccio" }, CancellationToken.None);

        Assert.Equal(ReturnDraftProblem.UnknownReason, result.Problem);
        Assert.Equal("Reason 'capriccio' is not in the channel's list of return reasons.", result.Error);
    }

    [Fact]
    public async Task CustomerRequestAfterWindowIsRejected()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateDbContext();
        var seed = await ReturnsSeed.SaveAsync(db, Now);

        var result = await Service(db, new FakeTimeProvider(new DateTimeOffset(Now.AddDays(40))))
            .CreateAsync(Draft(seed, 1, ReturnOrigin.Customer), CancellationToken.None);

        Assert.Equal(ReturnDraftProblem.OutsideWindow, result.Problem);
    }

    private static async Task ConcurrentRequestsAsync(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(Now));
        ReturnsSeed seed;
        await using (var db = database.CreateDbContext())
        {
            seed = await ReturnsSeed.SaveAsync(db, Now);
        }

        // Eight customers each ask for one of the two mugs at the same moment; exactly two may succeed.
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await using var db = database.CreateDbContext();
            return await Service(db, clock).CreateAsync(Draft(seed, 1, ReturnOrigin.Customer), CancellationToken.None);
        })));

        Assert.Equal(2, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(ReturnDraftProblem.TooManyUnits, r.Problem));
        await using var check = database.CreateDbContext();
        Assert.Equal(2, await check.Set<ReturnLine>().SumAsync(l => l.Quantity));
        var numbers = await check.Set<ReturnRequest>().Select(r => r.Number).OrderBy(n => n).ToListAsync();
        Assert.Equal(["R-000001", "R-000002"], numbers);
    }

    private static ReturnDraft Draft(ReturnsSeed seed, int quantity, ReturnOrigin origin) =>
        new(seed.OrderId, "size", null, [new ReturnDraftLine(seed.MugLineId, quantity)], origin, "it", "test");

    private static ReturnService Service(HubDbContext db, TimeProvider clock) => new(db, new StockLedger(db, clock), clock);
}
