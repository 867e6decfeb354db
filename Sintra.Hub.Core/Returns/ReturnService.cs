using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Returns;

/// <summary>A return to open: the order, the lines and units, a reason and who requests it.</summary>
public sealed record ReturnDraft(
    Guid OrderId,
    string ReasonCode,
    string? Comment,
    IReadOnlyList<ReturnDraftLine> Lines,
    ReturnOrigin Origin,
    string Locale,
    string Actor,
    IReadOnlyList<ReturnPhoto>? Photos = null);

public sealed record ReturnDraftLine(Guid OrderLineId, int Quantity, string? ReasonCode = null);

/// <summary>The opened return, or why the draft was rejected: a message naming the line or value, and its kind.</summary>
public sealed record ReturnCreateResult(ReturnRequest? Return, string? Error, ReturnDraftProblem Problem = ReturnDraftProblem.None)
{
    public bool Succeeded => Error is null;

    public static ReturnCreateResult Rejected(ReturnDraftProblem problem, string error) => new(null, error, problem);
}

/// <summary>Kinds of rejected drafts, so that a page can show its own localized message.</summary>
public enum ReturnDraftProblem
{
    None,
    OrderNotFound,
    NoLines,
    InvalidLine,
    TooManyUnits,
    UnknownReason,
    CommentTooLong,
    OutsideWindow,
}

/// <summary>Opens returns and checks that no order line gives back more units than the customer may return.</summary>
public sealed partial class ReturnService(HubDbContext db, StockLedger ledger, TimeProvider clock)
{
    private const int MaxAttempts = 10;

    /// <summary>Longest customer comment stored.</summary>
    public const int MaxCommentLength = 2000;

    /// <summary>
    /// Opens a return. The returnable quantities are checked in the same unit of work as the insert, which also bumps
    /// the order's concurrency token. So of two concurrent requests for one order, the second fails on the token, is
    /// retried from scratch and then counts the first one's units.
    /// </summary>
    public async Task<ReturnCreateResult> CreateAsync(ReturnDraft draft, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryCreateAsync(draft, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // A concurrent request changed the order or took the same return number; start again.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<ReturnCreateResult> TryCreateAsync(ReturnDraft draft, CancellationToken cancellationToken)
    {
        var order = await db.Orders.Include(o => o.Lines)
            .SingleOrDefaultAsync(o => o.Id == draft.OrderId, cancellationToken);
        if (order is null)
        {
            return ReturnCreateResult.Rejected(ReturnDraftProblem.OrderNotFound, $"Order {draft.OrderId} was not found.");
        }

        var settings = await db.Set<ChannelReturnSettings>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.ChannelId == order.ChannelId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        if (CheckDraft(draft, order, settings, now) is { } draftError)
        {
            return draftError;
        }

        var returnable = await ReturnableQuantities.ComputeAsync(db, order, cancellationToken);
        foreach (var line in draft.Lines)
        {
            var allowed = returnable.Single(r => r.OrderLineId == line.OrderLineId);
            if (line.Quantity > allowed.Returnable)
            {
                return ReturnCreateResult.Rejected(
                    ReturnDraftProblem.TooManyUnits,
                    $"Line '{allowed.Title}' allows {allowed.Returnable} more unit(s) to return, not {line.Quantity}.");
            }
        }

        var request = new ReturnRequest
        {
            Number = await NextNumberAsync(cancellationToken),
            ChannelId = order.ChannelId,
            OrderId = order.Id,
            ReasonCode = draft.ReasonCode,
            CustomerComment = string.IsNullOrWhiteSpace(draft.Comment) ? null : draft.Comment.Trim(),
            Locale = draft.Locale == "en" ? "en" : "it",
            Origin = draft.Origin,
            RequestedAt = now,
            Lines = draft.Lines.Select(l => new ReturnLine
            {
                OrderLineId = l.OrderLineId,
                Quantity = l.Quantity,
                ReasonCode = string.IsNullOrWhiteSpace(l.ReasonCode) ? draft.ReasonCode : l.ReasonCode,
            }).ToList(),
            Photos = draft.Photos?.ToList() ?? [],
        };

        // Staff open returns already approved, as the channel's returnCreate does.
        if (draft.Origin == ReturnOrigin.Staff)
        {
            request.Approve(now);
        }

        db.Add(request);
        AddEvent(request, "requested", $"Return requested for {request.Lines.Sum(l => l.Quantity)} unit(s).", draft.Actor, now);
        AddOutbox(request, ReturnOutboxTopics.RequestedEmail, null, now);
        AddOutbox(
            request,
            ReturnOutboxTopics.ChannelPush,
            draft.Origin == ReturnOrigin.Staff ? ReturnChannelActions.Create : ReturnChannelActions.Request,
            now);
        // Marked modified even when the time equals the stored one, so that the version always moves and is checked.
        order.UpdatedAt = now;
        db.Entry(order).Property(o => o.UpdatedAt).IsModified = true;
        await db.SaveChangesAsync(cancellationToken);
        return new ReturnCreateResult(request, null);
    }

    private static ReturnCreateResult? CheckDraft(ReturnDraft draft, Order order, ChannelReturnSettings? settings, DateTime now)
    {
        // Staff may open a return after the window, for example as a goodwill gesture.
        var windowDays = settings?.WindowDays ?? 0;
        if (draft.Origin == ReturnOrigin.Customer && order.PlacedAt.AddDays(windowDays) < now)
        {
            return ReturnCreateResult.Rejected(ReturnDraftProblem.OutsideWindow, $"Order {order.Name} is past the return window of {windowDays} day(s).");
        }

        if (draft.Lines.Count == 0)
        {
            return ReturnCreateResult.Rejected(ReturnDraftProblem.NoLines, "Choose at least one line and a quantity of 1 or more.");
        }

        if (draft.Lines.FirstOrDefault(l => l.Quantity <= 0) is { } negative)
        {
            return ReturnCreateResult.Rejected(ReturnDraftProblem.InvalidLine, $"Quantity {negative.Quantity} is invalid; use a whole number of 1 or more.");
        }

        if (draft.Lines.GroupBy(l => l.OrderLineId).Any(g => g.Count() > 1))
        {
            return ReturnCreateResult.Rejected(ReturnDraftProblem.InvalidLine, "Each order line may appear once in a return.");
        }

        if (draft.Lines.FirstOrDefault(l => order.Lines.All(o => o.Id != l.OrderLineId)) is { } foreign)
        {
            return ReturnCreateResult.Rejected(ReturnDraftProblem.InvalidLine, $"Line {foreign.OrderLineId} is not on order {order.Name}.");
        }

        if (draft.Comment?.Length > MaxCommentLength)
        {
            return ReturnCreateResult.Rejected(ReturnDraftProblem.CommentTooLong, $"The comment has {draft.Comment.Length} characters; the maximum is {MaxCommentLength}.");
        }

        var reasons = settings?.Reasons.Select(r => r.Code).ToList() ?? [];
        var codes = draft.Lines.Select(l => l.ReasonCode).Where(c => !string.IsNullOrWhiteSpace(c)).Append(draft.ReasonCode);
        if (codes.FirstOrDefault(c => !reasons.Contains(c!, StringComparer.Ordinal)) is { } unknown)
        {
            return ReturnCreateResult.Rejected(ReturnDraftProblem.UnknownReason, $"Reason '{unknown}' is not in the channel's list of return reasons.");
        }

        return null;
    }

    private async Task<string> NextNumberAsync(CancellationToken cancellationToken)
    {
        // The unique index on Number rejects a clash between two concurrent requests; the caller then retries.
        var count = await db.Set<ReturnRequest>().CountAsync(cancellationToken);
        return "R-" + (count + 1).ToString("D6", CultureInfo.InvariantCulture);
    }

    private void AddEvent(ReturnRequest request, string kind, string message, string actor, DateTime at) =>
        db.Add(new ReturnEvent
        {
            ReturnRequestId = request.Id,
            OccurredAt = at,
            Kind = kind,
            Message = message,
            Actor = actor,
        });

    private void AddOutbox(ReturnRequest request, string topic, string? payload, DateTime at) =>
        db.OutboxMessages.Add(new OutboxMessage
        {
            Topic = topic,
            ChannelId = request.ChannelId,
            EntityId = request.Id,
            Payload = payload,
            CreatedAt = at,
            NextAttemptAt = at,
        });
}
