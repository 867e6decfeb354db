using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Orders.Shipping;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Orders;

/// <summary>Staff actions on orders.</summary>
public enum OrderAction
{
    AddTag,
    RemoveTag,
    StartFulfillment,
    MarkDelivered,
    Close,
    Cancel,
}

/// <summary>What an action did to one order, or why it did nothing.</summary>
public sealed record OrderActionOutcome(Guid OrderId, string OrderName, bool Changed, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Applies staff actions to orders, one order per transaction so that a rejected order does not hold back the
/// others of a bulk selection. Every change writes a timeline event naming the user.
/// </summary>
public sealed class OrderWorkflowService(HubDbContext db, StockLedger ledger, TimeProvider clock)
{
    /// <param name="argument">The tag of a tag action, or the free-text note of a cancellation.</param>
    /// <param name="cancelReason">The reason code of a cancellation; required for <see cref="OrderAction.Cancel"/>.</param>
    /// <param name="refund">For a cancellation, whether the channel refunds the customer.</param>
    public async Task<IReadOnlyList<OrderActionOutcome>> ApplyAsync(
        OrderAction action,
        IReadOnlyCollection<Guid> orderIds,
        string user,
        string? argument,
        OrderCancelReason? cancelReason,
        bool refund,
        CancellationToken cancellationToken)
    {
        var outcomes = new List<OrderActionOutcome>();
        foreach (var orderId in orderIds.Distinct())
        {
            db.ChangeTracker.Clear();
            outcomes.Add(await ApplyOneAsync(action, orderId, user, argument, cancelReason, refund, cancellationToken));
        }

        return outcomes;
    }

    /// <summary>Adds an internal note; returns the error naming the bad value, or null.</summary>
    public async Task<string?> AddNoteAsync(Guid orderId, string author, string? text, CancellationToken cancellationToken)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return "The note is empty; write some text.";
        }

        if (trimmed.Length > OrderNote.MaxLength)
        {
            return $"The note is {trimmed.Length} characters long; at most {OrderNote.MaxLength} are allowed.";
        }

        if (!await db.Orders.AnyAsync(o => o.Id == orderId, cancellationToken))
        {
            return $"Order {orderId} was not found.";
        }

        db.OrderNotes.Add(new OrderNote
        {
            OrderId = orderId,
            Author = author,
            Text = trimmed,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private async Task<OrderActionOutcome> ApplyOneAsync(OrderAction action, Guid orderId, string user,
        string? argument, OrderCancelReason? cancelReason, bool refund, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await db.Orders.Include(o => o.Lines).Include(o => o.Tags)
            .SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return new OrderActionOutcome(orderId, orderId.ToString(), false, $"Order {orderId} was not found.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (result, message) = action switch
        {
            OrderAction.AddTag => AddTag(order, argument, now),
            OrderAction.RemoveTag => RemoveTag(order, argument),
            OrderAction.StartFulfillment => (order.StartFulfillment(), "Fulfillment started."),
            OrderAction.MarkDelivered => (order.MarkDelivered(), "Marked delivered."),
            OrderAction.Close => (order.Close(), "Closed."),
            _ => await CancelAsync(order, argument, cancelReason, refund, user, now, cancellationToken),
        };

        if (result.Error is not null || !result.Changed)
        {
            return new OrderActionOutcome(order.Id, order.Name, false, result.Error);
        }

        order.UpdatedAt = now;
        db.OrderEvents.Add(new OrderEvent
        {
            OrderId = order.Id,
            OccurredAt = now,
            Kind = "user:" + action,
            Message = Clip($"{user}: {message} Status {order.Status}."),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new OrderActionOutcome(order.Id, order.Name, false,
                $"Order {order.Name} changed while the action ran; reload it and try again.");
        }

        return new OrderActionOutcome(order.Id, order.Name, true, null);
    }

    private (OrderTransitionResult, string) AddTag(Order order, string? tag, DateTime now)
    {
        if (OrderTag.Normalize(tag) is not { } name)
        {
            return (OrderTransitionResult.Rejected(
                $"The tag '{tag}' is invalid; use 1 to {OrderTag.MaxLength} characters."), string.Empty);
        }

        if (order.Tags.Any(t => t.Name == name))
        {
            return (OrderTransitionResult.Unchanged, string.Empty);
        }

        var added = new OrderTag { OrderId = order.Id, Name = name, CreatedAt = now };
        order.Tags.Add(added);
        db.OrderTags.Add(added);
        return (OrderTransitionResult.Done, $"Tag '{name}' added.");
    }

    private (OrderTransitionResult, string) RemoveTag(Order order, string? tag)
    {
        var name = OrderTag.Normalize(tag);
        var existing = order.Tags.FirstOrDefault(t => t.Name == name);
        if (existing is null)
        {
            return (OrderTransitionResult.Unchanged, string.Empty);
        }

        db.OrderTags.Remove(existing);
        return (OrderTransitionResult.Done, $"Tag '{name}' removed.");
    }

    /// <summary>
    /// Cancels the order, releases its reservations and queues the cancellation for the channel. The channel is
    /// asked not to restock, because the hub owns the stock, and not to notify the customer.
    /// </summary>
    private async Task<(OrderTransitionResult, string)> CancelAsync(Order order, string? note,
        OrderCancelReason? reason, bool refund, string user, DateTime now, CancellationToken cancellationToken)
    {
        if (reason is not { } code)
        {
            return (OrderTransitionResult.Rejected(
                $"Order {order.Name}: choose a cancellation reason before cancelling."), string.Empty);
        }

        var text = string.IsNullOrWhiteSpace(note) ? code.ToString() : $"{code}: {note.Trim()}";
        var result = order.Cancel(Clip(text, 255), now);
        if (!result.Changed)
        {
            return (result, string.Empty);
        }

        var reference = new StockReference(StockReferenceTypes.Order, order.Id.ToString(), user);
        var released = await ledger.ReleaseAsync(order.Lines.Select(l => l.Id).ToList(), reference, cancellationToken);
        var push = new OrderCancelPush(code, refund, string.IsNullOrWhiteSpace(note) ? null : Clip(note.Trim(), 255));
        db.OutboxMessages.Add(new OutboxMessage
        {
            Topic = OrderChannelTopics.OrderCancelPush,
            ChannelId = order.ChannelId,
            EntityId = order.Id,
            Payload = JsonSerializer.Serialize(push),
            CreatedAt = now,
            NextAttemptAt = now,
        });
        return (result, $"Cancelled ({text}), refund {(refund ? "requested" : "not requested")}; released {released} reserved unit(s).");
    }

    private static string Clip(string text, int max = 2000) => text.Length > max ? text[..max] : text;
}
