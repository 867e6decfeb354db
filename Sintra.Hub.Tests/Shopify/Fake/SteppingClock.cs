using Microsoft.Extensions.Time.Testing;

namespace Sintra.Hub.Tests.Shopify.Fake;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tracks its pending timers, so a test can run real HTTP calls while
/// jumping the clock to each delay the code under test starts, instead of sleeping.
/// </summary>
public sealed class SteppingClock : TimeProvider
{
    private readonly FakeTimeProvider inner = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly Lock gate = new();
    private readonly HashSet<TrackedTimer> pending = [];

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Total time the clock has been moved forward.</summary>
    public TimeSpan Advanced { get; private set; }

    /// <summary>Moves the clock forward, firing the timers that fall due.</summary>
    public void Advance(TimeSpan delta)
    {
        Advanced += delta;
        inner.Advance(delta);
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new TrackedTimer(this);

        // Registered before the inner timer exists, so a callback that fires at once cannot leave it behind.
        timer.Reschedule(dueTime);
        timer.Inner = inner.CreateTimer(
            callbackState =>
            {
                timer.Reschedule(period);
                callback(callbackState);
            },
            state, dueTime, period);
        return timer;
    }

    /// <summary>
    /// Awaits <paramref name="task"/>, moving the clock to the earliest pending timer whenever one is due within
    /// <paramref name="maxStep"/>. Longer timers, such as request timeouts, are never jumped to.
    /// </summary>
    public async Task<T> RunAsync<T>(Task<T> task, TimeSpan? maxStep = null)
    {
        var limit = maxStep ?? TimeSpan.FromMinutes(1);
        var realDeadline = DateTime.UtcNow.AddSeconds(20);
        while (!task.IsCompleted)
        {
            if (DateTime.UtcNow > realDeadline)
            {
                throw new TimeoutException("The task did not complete within 20 s of real time.");
            }

            var step = NextDue() - GetUtcNow();
            if (step is { } due && due <= limit)
            {
                var forward = due > TimeSpan.Zero ? due : TimeSpan.Zero;
                Advanced += forward;
                inner.Advance(forward);
            }

            // A short real pause lets continuations and HTTP traffic run before the next look at the timers.
            await Task.WhenAny(task, Task.Delay(step is { } wait && wait <= limit ? 1 : 5));
        }

        return await task;
    }

    private DateTimeOffset? NextDue()
    {
        lock (gate)
        {
            return pending.Count == 0 ? null : pending.Min(timer => timer.Due);
        }
    }

    private sealed class TrackedTimer(SteppingClock clock) : ITimer
    {
        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset Due { get; private set; }

        public void Reschedule(TimeSpan dueTime)
        {
            lock (clock.gate)
            {
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    clock.pending.Remove(this);
                    return;
                }

                Due = clock.GetUtcNow() + dueTime;
                clock.pending.Add(this);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Reschedule(dueTime);
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            lock (clock.gate)
            {
                clock.pending.Remove(this);
            }

            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
