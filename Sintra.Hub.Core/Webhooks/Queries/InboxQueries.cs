using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Webhooks.Queries;

/// <summary>Filters of the inbox grid; null does not filter.</summary>
/// <param name="DuplicatesOnly">Keeps only messages that were delivered more than once.</param>
public sealed record InboxFilter(InboxStatus? Status = null, bool DuplicatesOnly = false);

/// <summary>A row of the inbox grid; the body is left out because it can be large.</summary>
public sealed record InboxRow(
    Guid Id,
    DateTime ReceivedAt,
    string Topic,
    string ShopDomain,
    string WebhookId,
    InboxStatus Status,
    int Attempts,
    DateTime NextAttemptAt,
    string? LastError,
    int DuplicateCount,
    Guid? OrderId);

/// <summary>A page of inbox rows and the number of messages that match the filter on all pages.</summary>
public sealed record InboxPage(IReadOnlyList<InboxRow> Rows, int TotalCount);

/// <summary>Read-only queries of the webhook inbox page, newest message first.</summary>
public sealed class InboxQueries(HubDbContext db)
{
    public const int MaxPageSize = 200;

    /// <summary>Loads one page of messages; <paramref name="page"/> is zero-based.</summary>
    public async Task<InboxPage> GetPageAsync(InboxFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MaxPageSize);

        var messages = db.InboxMessages.AsNoTracking();
        if (filter.Status is { } status)
        {
            messages = messages.Where(m => m.Status == status);
        }

        if (filter.DuplicatesOnly)
        {
            messages = messages.Where(m => m.DuplicateCount > 0);
        }

        var total = await messages.CountAsync(cancellationToken);
        var rows = await messages
            .OrderByDescending(m => m.ReceivedAt)
            .ThenByDescending(m => m.Id)
            .Skip(page * pageSize)
            .Take(pageSize)
            .Select(m => new InboxRow(
                m.Id, m.ReceivedAt, m.Topic, m.ShopDomain, m.WebhookId, m.Status, m.Attempts, m.NextAttemptAt,
                m.LastError, m.DuplicateCount, m.OrderId))
            .ToListAsync(cancellationToken);
        return new InboxPage(rows, total);
    }

    /// <summary>Returns a detached copy of the message with its body, or null when no message has the id.</summary>
    public Task<InboxMessage?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        db.InboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
}
