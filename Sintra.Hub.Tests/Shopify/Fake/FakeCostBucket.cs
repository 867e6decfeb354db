namespace Sintra.Hub.Tests.Shopify.Fake;

/// <summary>
/// Leaky bucket of the GraphQL Admin API as Shopify documents it: a request needs its requested cost
/// available, that cost is taken before it runs, and the difference to the actual cost is refunded after.
/// Points restore continuously at <see cref="RestoreRate"/> per second up to <see cref="MaximumAvailable"/>.
/// </summary>
public sealed class FakeCostBucket(double maximumAvailable, double restoreRate, TimeProvider timeProvider)
{
    private readonly Lock gate = new();
    private double available = maximumAvailable;
    private DateTimeOffset updatedAt = timeProvider.GetUtcNow();

    public double MaximumAvailable { get; } = maximumAvailable;

    public double RestoreRate { get; } = restoreRate;

    public double CurrentlyAvailable
    {
        get
        {
            lock (gate)
            {
                Restore();
                return available;
            }
        }
    }

    /// <summary>Takes <paramref name="cost"/> points if they are available, and otherwise takes nothing.</summary>
    public bool TryTake(double cost)
    {
        lock (gate)
        {
            Restore();
            if (cost > available)
            {
                return false;
            }

            available -= cost;
            return true;
        }
    }

    public void Refund(double points)
    {
        lock (gate)
        {
            Restore();
            available = Math.Min(MaximumAvailable, available + points);
        }
    }

    /// <summary>Sets the points left, e.g. to start a test with a nearly empty bucket.</summary>
    public void SetAvailable(double points)
    {
        lock (gate)
        {
            available = Math.Clamp(points, 0, MaximumAvailable);
            updatedAt = timeProvider.GetUtcNow();
        }
    }

    private void Restore()
    {
        var now = timeProvider.GetUtcNow();
        var elapsed = Math.Max(0, (now - updatedAt).TotalSeconds);
        available = Math.Min(MaximumAvailable, available + (elapsed * RestoreRate));
        updatedAt = now;
    }
}
