using Sintra.Hub.Infrastructure.Shopify.Admin;
using Sintra.Hub.Tests.Shopify.Fake;

namespace Sintra.Hub.Tests.Shopify;

public sealed class ShopifyRateLimitTests
{
    [Fact]
    public async Task ThrottledQueryWaitsForRestore()
    {
        await using var harness = await ShopifyTestHarness.StartAsync(maximumAvailable: 1000, restoreRate: 50);
        harness.Shop.AddLocation("Genova");
        harness.Server.Bucket.SetAvailable(2);

        var result = await harness.RunAsync(harness.Client.GetLocationsAsync());

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(["throttled", "ok"], harness.Server.Requests.Select(request => request.Outcome));

        // The request costs 2 + 250 points and 2 were left, so 250 points at 50 per second take 5 s.
        Assert.Equal(TimeSpan.FromSeconds(5), harness.Clock.Advanced);
        Assert.Single(harness.Log.MessagesWithEventId(4101));
    }

    [Fact]
    public async Task ThrottledMutationIsRetriedNotFailed()
    {
        await using var harness = await ShopifyTestHarness.StartAsync();
        var location = harness.Shop.AddLocation("Verona");
        var item = harness.Shop.AddVariant("CANDELA-1");
        harness.Shop.SetLevel(item.InventoryItemId, location.Id, onHand: 2);
        harness.Server.FailNext(2, new FakeFailure(FakeFailureKind.Throttled));

        var result = await harness.RunAsync(harness.Client.SetOnHandQuantitiesAsync(new SetOnHandQuantitiesRequest(
            [new OnHandQuantity(item.InventoryItemId, location.Id, 7, 2)], ShopifyInventoryReasons.Correction,
            ShopifyReferences.StockPush("throttled"), "push-throttled")));

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(SetQuantitiesStatus.Applied, result.Value!.Status);
        Assert.Equal(["injected-throttled", "injected-throttled", "ok"],
            harness.Server.Requests.Select(request => request.Outcome));
        Assert.Equal(7, harness.Shop.GetLevel(item.InventoryItemId, location.Id)!.OnHand);
        Assert.Equal(2, harness.Log.MessagesWithEventId(4101).Count);
    }

    [Fact]
    public async Task TooManyRequestsHonoursRetryAfter()
    {
        await using var harness = await ShopifyTestHarness.StartAsync();
        harness.Shop.AddLocation("Trieste");
        harness.Server.FailNext(1, new FakeFailure(FakeFailureKind.TooManyRequests, RetryAfterSeconds: 7));

        var result = await harness.RunAsync(harness.Client.GetLocationsAsync());

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal("Trieste", Assert.Single(result.Value!).Name);
        Assert.Equal(["injected-429", "ok"], harness.Server.Requests.Select(request => request.Outcome));
        Assert.Equal(TimeSpan.FromSeconds(7), harness.Clock.Advanced);
        Assert.Contains("7000 ms", Assert.Single(harness.Log.MessagesWithEventId(4102)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LowBudgetWaitsBeforeSending()
    {
        await using var harness = await ShopifyTestHarness.StartAsync(maximumAvailable: 1000, restoreRate: 50);
        for (var i = 1; i <= 250; i++)
        {
            harness.Shop.AddLocation($"Deposito {i}");
        }

        // 260 points cover one full page of 252 points, and the response reports the 8 points left.
        harness.Server.Bucket.SetAvailable(260);
        var first = await harness.RunAsync(harness.Client.GetLocationsAsync());
        Assert.True(first.IsSuccess, first.Error?.Message);
        Assert.Equal(8, harness.Bucket.LastStatus!.CurrentlyAvailable);

        var second = await harness.RunAsync(harness.Client.GetLocationsAsync());

        Assert.True(second.IsSuccess, second.Error?.Message);
        Assert.All(harness.Server.Requests, request => Assert.Equal("ok", request.Outcome));

        // 252 - 8 = 244 missing points at 50 per second.
        Assert.Equal(TimeSpan.FromSeconds(4.88), harness.Clock.Advanced);
        Assert.Contains("4880 ms", Assert.Single(harness.Log.MessagesWithEventId(4100)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerErrorsRetryWithBackoff()
    {
        await using var harness = await ShopifyTestHarness.StartAsync();
        harness.Shop.AddLocation("Padova");
        harness.Server.FailNext(2, new FakeFailure(FakeFailureKind.ServerError));

        var result = await harness.RunAsync(harness.Client.GetLocationsAsync());

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal(["injected-500", "injected-500", "ok"],
            harness.Server.Requests.Select(request => request.Outcome));
        Assert.Equal(TimeSpan.FromSeconds(1 + 2), harness.Clock.Advanced);
    }

    [Fact]
    public async Task ServerErrorsStopAfterMaxRetries()
    {
        await using var harness = await ShopifyTestHarness.StartAsync();
        harness.Server.FailNext(10, new FakeFailure(FakeFailureKind.ServerError));

        var result = await harness.RunAsync(harness.Client.GetLocationsAsync());

        Assert.Equal(ShopifyAdminErrorKind.Unavailable, result.Error!.Kind);
        Assert.Equal(500, result.Error.StatusCode);
        Assert.Equal(1 + harness.Options.MaxRetries, harness.Server.Requests.Count);
        Assert.Single(harness.Log.MessagesWithEventId(4104));
    }

    [Fact]
    public async Task TimedOutRequestIsRetried()
    {
        await using var harness = await ShopifyTestHarness.StartAsync();
        harness.Shop.AddLocation("Cagliari");

        // The hang and the request timeout are both longer than the steps RunAsync takes on its own, so only
        // the explicit move below ends the first request, however long the real HTTP round trip takes. The
        // fraction checks that the message is written with a decimal point under any culture.
        harness.Options.RequestTimeout = TimeSpan.FromSeconds(90.5);
        harness.Server.FailNext(1, new FakeFailure(FakeFailureKind.Hang, Delay: TimeSpan.FromHours(1)));
        var call = harness.Client.GetLocationsAsync();
        var timeout = ExpireRequestTimeoutAsync(harness);

        var result = await harness.RunAsync(call);
        await timeout;

        Assert.True(result.IsSuccess, result.Error?.Message);
        Assert.Equal("Cagliari", Assert.Single(result.Value!).Name);
        Assert.Equal(["injected-hang", "ok"], harness.Server.Requests.Select(request => request.Outcome));
        Assert.Equal(harness.Options.RequestTimeout + harness.Options.RetryBaseDelay, harness.Clock.Advanced);
        Assert.Contains("no response within 90.5 s", Assert.Single(harness.Log.MessagesWithEventId(4103)),
            StringComparison.Ordinal);
    }

    /// <summary>
    /// Waits in real time until the server holds the hanging request, then moves the clock by the client's
    /// request timeout, which cancels that request.
    /// </summary>
    private static async Task ExpireRequestTimeoutAsync(ShopifyTestHarness harness)
    {
        var deadline = DateTime.UtcNow + SteppingClock.HangTimeout;
        while (harness.Server.Requests.Count == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"The fake shop received no request within {SteppingClock.HangTimeout.TotalMinutes} min.");
            }

            await Task.Delay(5);
        }

        harness.Clock.Advance(harness.Options.RequestTimeout);
    }
}
