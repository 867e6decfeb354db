using Microsoft.Extensions.Time.Testing;

using Sintra.Hub.Infrastructure.Shopify.Admin;

namespace Sintra.Hub.Tests.Shopify;

public sealed class ShopifyCostBucketTests
{
    [Fact]
    public void UnknownBucketNeverWaits()
    {
        var bucket = new ShopifyCostBucket(new FakeTimeProvider());

        var (wait, estimate) = bucket.ReserveWait("GetLocations", 252);

        Assert.Equal(TimeSpan.Zero, wait);
        Assert.Equal(252, estimate);
    }

    [Fact]
    public void ConsecutiveReservationsQueueUp()
    {
        var clock = new FakeTimeProvider();
        var bucket = new ShopifyCostBucket(clock);
        bucket.Observe("GetLocations", new QueryCost(252, 252, new ThrottleStatus(1000, 100, 50)));

        var first = bucket.ReserveWait("GetLocations", 10);
        var second = bucket.ReserveWait("GetLocations", 10);

        // The learned cost of 252 replaces the fallback. The first needs 152 more points (3.04 s at 50 per
        // second) and the second a further 252 points after it (5.04 s).
        Assert.Equal(252, first.EstimatedCost);
        Assert.Equal(TimeSpan.FromSeconds(3.04), first.Wait);
        Assert.Equal(TimeSpan.FromSeconds(3.04 + 5.04), second.Wait);
    }

    [Fact]
    public void RestoredPointsCapAtMaximum()
    {
        var clock = new FakeTimeProvider();
        var bucket = new ShopifyCostBucket(clock);
        bucket.Observe("GetLocations", new QueryCost(900, 900, new ThrottleStatus(1000, 0, 50)));
        clock.Advance(TimeSpan.FromMinutes(10));

        var (wait, _) = bucket.ReserveWait("GetLocations", 900);

        Assert.Equal(TimeSpan.Zero, wait);
        Assert.Equal(100, bucket.LastStatus!.CurrentlyAvailable);
    }
}
