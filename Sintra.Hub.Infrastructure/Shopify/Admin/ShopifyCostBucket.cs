namespace Sintra.Hub.Infrastructure.Shopify.Admin;

/// <summary>
/// Client-side model of one shop's leaky bucket, refreshed from the <c>throttleStatus</c> of every response.
/// Between responses the available points grow by <c>restoreRate</c> per second up to <c>maximumAvailable</c>.
/// </summary>
public sealed class ShopifyCostBucket(TimeProvider timeProvider)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, double> requestedCostByOperation = new(StringComparer.Ordinal);
    private ThrottleStatus? lastStatus;
    private DateTimeOffset observedAt;

    /// <summary>Last status returned by the shop, or null before the first response.</summary>
    public ThrottleStatus? LastStatus
    {
        get
        {
            lock (gate)
            {
                return lastStatus;
            }
        }
    }

    /// <summary>
    /// Returns how long to wait before sending an operation so that its estimated cost fits the bucket.
    /// The estimate is the <c>requestedQueryCost</c> last returned for the same operation name, else
    /// <paramref name="fallbackEstimate"/>. Zero when nothing is known yet.
    /// </summary>
    public (TimeSpan Wait, double EstimatedCost) ReserveWait(string operationName, double fallbackEstimate)
    {
        lock (gate)
        {
            var estimate = requestedCostByOperation.GetValueOrDefault(operationName, fallbackEstimate);
            if (lastStatus is not { RestoreRate: > 0 } status)
            {
                return (TimeSpan.Zero, estimate);
            }

            // A request above the bucket capacity can never fit, so waiting for a full bucket is the best case.
            var needed = Math.Min(estimate, status.MaximumAvailable);
            var now = timeProvider.GetUtcNow();

            // observedAt is in the future while an earlier reservation still waits, so this one queues behind it.
            var start = observedAt > now ? observedAt : now;
            var available = AvailableAt(status, start);
            var ready = needed <= available
                ? start
                : start + TimeSpan.FromSeconds((needed - available) / status.RestoreRate);

            // Deduct the estimate now so that concurrent callers on the same shop wait for their own points.
            lastStatus = status with { CurrentlyAvailable = Math.Max(0, AvailableAt(status, ready) - needed) };
            observedAt = ready;
            return (ready - now, estimate);
        }
    }

    /// <summary>Stores the cost data of a response; responses without cost data leave the model unchanged.</summary>
    public void Observe(string operationName, QueryCost? cost)
    {
        if (cost is null)
        {
            return;
        }

        lock (gate)
        {
            requestedCostByOperation[operationName] = cost.RequestedQueryCost;
            if (cost.ThrottleStatus is { } status)
            {
                lastStatus = status;
                observedAt = timeProvider.GetUtcNow();
            }
        }
    }

    /// <summary>Returns the time until <paramref name="cost"/> points are available, from the last status.</summary>
    public TimeSpan TimeUntilAvailable(double cost)
    {
        lock (gate)
        {
            if (lastStatus is not { RestoreRate: > 0 } status)
            {
                return TimeSpan.Zero;
            }

            var missing = Math.Min(cost, status.MaximumAvailable) - AvailableAt(status, timeProvider.GetUtcNow());
            return missing <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(missing / status.RestoreRate);
        }
    }

    private double AvailableAt(ThrottleStatus status, DateTimeOffset time)
    {
        var elapsed = Math.Max(0, (time - observedAt).TotalSeconds);
        return Math.Min(status.MaximumAvailable, status.CurrentlyAvailable + (elapsed * status.RestoreRate));
    }
}
