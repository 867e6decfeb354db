using Microsoft.Extensions.Time.Testing;

namespace Sintra.Hub.Tests.Shopify.Fake;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tracks its pending timers, so a test can run real HTTP calls while
/// jumping the clock to each delay the code under test starts, instead of sleeping.
/// </summary>
/// <remarks>
/// Moving the clock and registering or changing a timer hold the same lock. Otherwise a step could fall between
/// the moment a timer's due time is recorded and the moment the inner timer is created: the inner timer would
/// then be due one step later than the recorded time, and <see cref="RunAsync{T}"/> would wait on a time that
/// has already passed until its real-time deadline. The lock is reentrant, so a timer callback that runs during
/// a step may create or change timers on the same thread.
/// </remarks>
public sealed class SteppingClock : TimeProvider
{
    private readonly FakeTimeProvider inner = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly Lock gate = new();
    private readonly HashSet<TrackedTimer> pending = [];

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>
    /// Real time after which <see cref="RunAsync{T}"/> gives up. It only turns a hang into a failure, so it is far
    /// above the time of real work. BulkPushThrottleTests pushes 10,000 outbox rows through SQLite and HTTP in one
    /// call, and that can take longer than 20 s on a busy 2-core machine.
    /// </summary>
    public static readonly TimeSpan HangTimeout = TimeSpan.FromMinutes(3);

    /// <summary>Total time the clock has been moved forward.</summary>
    public TimeSpan Advanced { get; private set; }

    /// <summary>Moves the clock forward, firing the timers that fall due.</summary>
    public void Advance(TimeSpan delta)
    {
        lock (gate)
        {
            Advanced += delta;
            inner.Advance(delta);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new TrackedTimer(this);
        lock (gate)
        {
            // Registered before the inner timer exists, so a callback that fires at once cannot leave it behind.
            timer.Reschedule(dueTime);
            timer.Inner = inner.CreateTimer(
                callbackState =>
                {
                    timer.Reschedule(period);
                    callback(callbackState);
                },
                state, dueTime, period);
        }

        return timer;
    }

    /// <summary>
    /// Awaits <paramref name="task"/>, moving the clock to the earliest pending timer whenever one is due within
    /// <paramref name="maxStep"/>. Longer timers, such as request timeouts, are never jumped to.
    /// </summary>
    public async Task<T> RunAsync<T>(Task<T> task, TimeSpan? maxStep = null)
    {
        var limit = maxStep ?? TimeSpan.FromMinutes(1);
        var realDeadline = DateTime.UtcNow + HangTimeout;
        while (!task.IsCompleted)
        {
            if (DateTime.UtcNow > realDeadline)
            {
                throw new TimeoutException(
                    $"The task did not complete within {HangTimeout.TotalMinutes} min of real time: it waits for "
                    + "something other than a timer on this clock, or for a timer longer than the step limit.");
            }

            var step = StepToNextDue(limit);

            // A short real pause lets continuations and HTTP traffic run before the next look at the timers.
            await Task.WhenAny(task, Task.Delay(step is { } wait && wait <= limit ? 1 : 5));
        }

        return await task;
    }

    /// <summary>
    /// Moves the clock to the earliest pending timer when it is due within <paramref name="limit"/>, and returns
    /// the time to that timer as it was before the move, or null when no timer is pending.
    /// </summary>
    private TimeSpan? StepToNextDue(TimeSpan limit)
    {
        lock (gate)
        {
            if (pending.Count == 0)
            {
                return null;
            }

            var step = pending.Min(timer => timer.Due) - GetUtcNow();
            if (step <= limit)
            {
                var forward = step > TimeSpan.Zero ? step : TimeSpan.Zero;
                Advanced += forward;
                inner.Advance(forward);
            }

            return step;
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
            lock (clock.gate)
            {
                Reschedule(dueTime);
                return Inner.Change(dueTime, period);
            }
        }

        public void Dispose()
        {
            lock (clock.gate)
            {
                clock.pending.Remove(this);
                Inner.Dispose();
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
