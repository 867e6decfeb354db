using Microsoft.EntityFrameworkCore;

namespace Sintra.Hub.Core.Returns;

/// <summary>A return as the channel reports it in a webhook, independent of the channel's payload format.</summary>
public sealed record ChannelReturn(
    long ExternalId,
    long OrderExternalId,
    ReturnStatus Status,
    string? DeclineReason,
    IReadOnlyList<ChannelReturnLine> Lines);

public sealed record ChannelReturnLine(long LineExternalId, int Quantity);

public sealed partial class ReturnService
{
    /// <summary>
    /// Upserts a return by the channel's return id. A return that the hub opened and the channel now reports is
    /// linked to the hub's row (same order, same lines and units, no channel id yet) instead of being added twice.
    /// Throws <see cref="InvalidOperationException"/> when the order has not arrived yet, so that the inbox retries.
    /// </summary>
    public async Task<ReturnRequest> ApplyChannelAsync(Guid channelId, ChannelReturn reported, CancellationToken cancellationToken)
    {
        var order = await db.Orders.Include(o => o.Lines)
            .SingleOrDefaultAsync(o => o.ChannelId == channelId && o.ExternalId == reported.OrderExternalId, cancellationToken)
            ?? throw new InvalidOperationException(
                $"Return {reported.ExternalId} is for order {reported.OrderExternalId}, which the hub has not received yet.");
        var lines = reported.Lines
            .Select(l => (Line: order.Lines.FirstOrDefault(o => o.ExternalId == l.LineExternalId), l.Quantity))
            .Where(l => l.Line is not null && l.Quantity > 0)
            .Select(l => (LineId: l.Line!.Id, l.Quantity))
            .ToList();

        var returns = db.Set<ReturnRequest>().Include(r => r.Lines);
        var request = await returns.SingleOrDefaultAsync(
            r => r.ChannelId == channelId && r.ExternalId == reported.ExternalId, cancellationToken);
        if (request is null)
        {
            var unlinked = await returns
                .Where(r => r.OrderId == order.Id && r.ExternalId == null && r.Origin != ReturnOrigin.Channel)
                .ToListAsync(cancellationToken);
            request = unlinked.FirstOrDefault(r => SameLines(r, lines));
            if (request is not null)
            {
                request.ExternalId = reported.ExternalId;
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (request is null)
        {
            request = new ReturnRequest
            {
                Number = await NextNumberAsync(cancellationToken),
                ChannelId = channelId,
                OrderId = order.Id,
                ExternalId = reported.ExternalId,
                ReasonCode = ChannelReasonCode,
                Origin = ReturnOrigin.Channel,
                RequestedAt = now,
                Lines = lines.Select(l => new ReturnLine { OrderLineId = l.LineId, Quantity = l.Quantity, ReasonCode = ChannelReasonCode }).ToList(),
            };
            db.Add(request);
            AddEvent(request, "channel:requested", $"Return {reported.ExternalId} requested in the shop.", "channel", now);
            AddOutbox(request, ReturnOutboxTopics.RequestedEmail, null, now);
        }

        if (reported.Status != request.Status && request.ApplyChannelStatus(reported.Status, reported.DeclineReason, now))
        {
            AddEvent(request, $"channel:{reported.Status}".ToLowerInvariant(), $"The shop set the return to {reported.Status}.", "channel", now);
            var email = reported.Status switch
            {
                ReturnStatus.Approved => ReturnOutboxTopics.ApprovedEmail,
                ReturnStatus.Rejected => ReturnOutboxTopics.RejectedEmail,
                _ => null,
            };
            if (email is not null)
            {
                AddOutbox(request, email, null, now);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return request;
    }

    /// <summary>Reason code of returns that arrive from the channel, whose own reasons are per line and not mapped.</summary>
    public const string ChannelReasonCode = "channel";

    private static bool SameLines(ReturnRequest request, IReadOnlyList<(Guid LineId, int Quantity)> lines) =>
        request.Lines.Count == lines.Count
        && request.Lines.All(l => lines.Any(x => x.LineId == l.OrderLineId && x.Quantity == l.Quantity));
}
