using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Orders;

/// <summary>
/// Upserts orders reported by a channel by (channel, external id), reserves stock for new lines and releases it
/// on cancellation. The caller owns the transaction, so the order, its reservations and the ledger movements
/// commit together.
/// </summary>
public sealed class OrderIngestionService(HubDbContext db, StockLedger ledger, TimeProvider clock)
{
    private readonly OrderStock stock = new(ledger);

    /// <summary>
    /// Applies one delivery of an order. A payload older than the one applied last changes nothing but the
    /// timeline. Throws <see cref="DbUpdateException"/> when a concurrent delivery inserted the same order first,
    /// so the caller retries it as an update.
    /// </summary>
    public async Task<OrderIngestionResult> ApplyAsync(
        Guid channelId,
        ChannelOrder incoming,
        string eventKind,
        Guid? inboxMessageId,
        CancellationToken cancellationToken)
    {
        var channel = await db.Channels.AsNoTracking().Include(c => c.StockSources)
            .SingleAsync(c => c.Id == channelId, cancellationToken);
        var order = await db.Orders.Include(o => o.Lines)
            .SingleOrDefaultAsync(
                o => o.ChannelId == channelId && o.ExternalId == incoming.ExternalId,
                cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;

        if (order is not null && incoming.UpdatedAt < order.ChannelUpdatedAt)
        {
            AddEvent(order, now, "skipped:stale", inboxMessageId,
                $"Skipped {eventKind}: its updated_at {incoming.UpdatedAt:O} is older than the applied "
                + $"{order.ChannelUpdatedAt:O}.");
            await db.SaveChangesAsync(cancellationToken);
            return new OrderIngestionResult(order.Id, OrderIngestionOutcome.SkippedStale);
        }

        var outcome = order is null ? OrderIngestionOutcome.Created : OrderIngestionOutcome.Updated;
        if (order is null)
        {
            order = new Order
            {
                ChannelId = channelId,
                ExternalId = incoming.ExternalId,
                Name = incoming.Name,
                Currency = incoming.Currency,
                PresentmentCurrency = incoming.PresentmentCurrency,
                CreatedAt = now,
            };
            db.Orders.Add(order);

            // Integrations hear of the order once, when it is first stored; the row commits with the order.
            db.OutboxMessages.Add(new OutboxMessage
            {
                Topic = OutboxTopics.OrderCreatedEvent,
                EntityId = order.Id,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }

        OrderMapper.CopyHeader(incoming, order, channel, now);
        var newLines = await AddNewLinesAsync(order, incoming, cancellationToken);
        var notes = new List<string>();

        if (IsPaid(incoming.FinancialStatus))
        {
            order.MarkPaid();
        }

        if (incoming.CancelledAt is { } cancelledAt)
        {
            await stock.CancelAsync(order, incoming.CancelReason, cancelledAt, notes, cancellationToken);
        }

        if (order.IsOpen)
        {
            await stock.ReserveNewLinesAsync(order, newLines, channel, notes, cancellationToken);
        }

        order.HasUnmatchedLines = order.Lines.Any(l => l.IsUnmatched);
        order.HasStockShortfall = order.Lines.Any(l => l.ShortfallQuantity > 0);
        notes.Insert(0, $"Applied {eventKind}: status {order.Status}, {newLines.Count} new line(s).");
        AddEvent(order, now, eventKind, inboxMessageId, string.Join(' ', notes));
        OrderTextClipper.Clip(db.ChangeTracker);
        await db.SaveChangesAsync(cancellationToken);
        return new OrderIngestionResult(order.Id, outcome);
    }

    private static bool IsPaid(string? financialStatus) =>
        string.Equals(financialStatus, "paid", StringComparison.OrdinalIgnoreCase);

    private async Task<List<OrderLine>> AddNewLinesAsync(
        Order order,
        ChannelOrder incoming,
        CancellationToken cancellationToken)
    {
        var newLines = new List<OrderLine>();
        foreach (var source in incoming.Lines)
        {
            var line = order.Lines.FirstOrDefault(l => l.ExternalId == source.ExternalId);
            if (line is null)
            {
                line = new OrderLine { OrderId = order.Id, ExternalId = source.ExternalId, Title = source.Title };
                line.VariantId = await FindVariantIdAsync(source.Sku, cancellationToken);
                line.AddedAfterCreation = db.Entry(order).State != EntityState.Added;
                order.Lines.Add(line);

                // Added explicitly: change detection would take a line with a preset key, reached through a tracked
                // order, for an existing row and update it.
                db.OrderLines.Add(line);
                newLines.Add(line);
            }

            // The channel's quantity stays the one first ordered; order edits change reservations through
            // OrderEditService and EditedQuantity.
            OrderMapper.CopyLine(source, line);
        }

        return newLines;
    }

    private async Task<Guid?> FindVariantIdAsync(string? sku, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(sku))
        {
            return null;
        }

        // Compared again in memory because SQL Server's default collation ignores case.
        var candidates = await db.Variants.AsNoTracking()
            .Where(v => v.Sku == sku)
            .Select(v => new { v.Id, v.Sku })
            .ToListAsync(cancellationToken);
        return candidates.FirstOrDefault(v => string.Equals(v.Sku, sku, StringComparison.Ordinal))?.Id;
    }

    private void AddEvent(Order order, DateTime now, string kind, Guid? inboxMessageId, string message) =>
        db.OrderEvents.Add(new OrderEvent
        {
            OrderId = order.Id,
            OccurredAt = now,
            Kind = kind,
            Message = message.Length > 2000 ? message[..2000] : message,
            InboxMessageId = inboxMessageId,
        });
}

/// <summary>What <see cref="OrderIngestionService.ApplyAsync"/> did with a delivery.</summary>
public sealed record OrderIngestionResult(Guid OrderId, OrderIngestionOutcome Outcome);

public enum OrderIngestionOutcome
{
    Created,
    Updated,

    /// <summary>The payload was older than the one applied last; only a timeline event was added.</summary>
    SkippedStale,
}
