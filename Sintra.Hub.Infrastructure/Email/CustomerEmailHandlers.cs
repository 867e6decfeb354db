using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Orders.Shipping;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Core.Returns;
using Sintra.Hub.Infrastructure.Outbox;

namespace Sintra.Hub.Infrastructure.Email;

/// <summary>Sends the e-mails of a return's request, approval and rejection in the language the customer used.</summary>
public sealed class ReturnEmailHandler(HubDbContext db, CustomerMailer mailer) : IOutboxHandler
{
    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var kind = message.Topic switch
        {
            ReturnOutboxTopics.RequestedEmail => CustomerEmailKind.ReturnRequested,
            ReturnOutboxTopics.ApprovedEmail => CustomerEmailKind.ReturnApproved,
            ReturnOutboxTopics.RejectedEmail => CustomerEmailKind.ReturnRejected,
            _ => throw new OutboxPermanentFailureException($"Topic {message.Topic} is not a return e-mail."),
        };
        var request = await db.Set<ReturnRequest>().AsNoTracking().Include(r => r.Lines)
            .SingleOrDefaultAsync(r => r.Id == message.EntityId, cancellationToken)
            ?? throw new OutboxPermanentFailureException($"Return {message.EntityId} was not found.");
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines)
            .SingleAsync(o => o.Id == request.OrderId, cancellationToken);
        if (string.IsNullOrWhiteSpace(order.Email))
        {
            throw new OutboxPermanentFailureException($"Order {order.Name} has no customer e-mail address.");
        }

        var settings = await db.Set<ChannelReturnSettings>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.ChannelId == request.ChannelId, cancellationToken);
        var lines = request.Lines
            .Select(l => (order.Lines.Single(o => o.Id == l.OrderLineId).Title, l.Quantity))
            .ToList();
        var model = new CustomerEmailModel(
            order.CustomerName,
            order.Name,
            request.Number,
            request.RejectionReason,
            settings?.Instructions(request.Locale),
            Lines: lines);
        var email = CustomerEmailTemplates.Render(kind, request.Locale, model);
        await mailer.SendAsync(order.Email, order.CustomerName, email, $"{message.Id}@sintra-hub", cancellationToken);
    }
}

/// <summary>Sends the e-mail that an order shipped, from the <see cref="ShipmentNotice"/> in the outbox row.</summary>
public sealed class ShipmentEmailHandler(HubDbContext db, CustomerMailer mailer) : IOutboxHandler
{
    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var notice = JsonSerializer.Deserialize<ShipmentNotice>(message.Payload ?? "null", JsonSerializerOptions.Web)
            ?? throw new OutboxPermanentFailureException($"Outbox row {message.Id} has no shipment notice.");
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == message.EntityId, cancellationToken)
            ?? throw new OutboxPermanentFailureException($"Order {message.EntityId} was not found.");
        if (string.IsNullOrWhiteSpace(order.Email))
        {
            throw new OutboxPermanentFailureException($"Order {order.Name} has no customer e-mail address.");
        }

        var settings = await db.Set<ChannelReturnSettings>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.ChannelId == order.ChannelId, cancellationToken);
        var locale = CustomerLocale.Of(order, settings);
        var model = new CustomerEmailModel(
            order.CustomerName,
            notice.OrderName,
            Carrier: notice.Carrier,
            TrackingNumber: notice.TrackingNumber,
            TrackingUrl: notice.TrackingUrl,
            Lines: notice.Lines.Select(l => (l.Title, l.Quantity)).ToList());
        var email = CustomerEmailTemplates.Render(CustomerEmailKind.OrderShipped, locale, model);
        await mailer.SendAsync(order.Email, order.CustomerName, email, $"{message.Id}@sintra-hub", cancellationToken);
    }
}

/// <summary>Chooses the language of an order's e-mails.</summary>
public static class CustomerLocale
{
    /// <summary>
    /// Returns <c>it</c> for a shipping address in Italy, <c>en</c> for one elsewhere, and the channel's default
    /// language when the address has no country.
    /// </summary>
    // NOTE: the order does not store the customer's checkout language, so the shipping country is used in its place.
    public static string Of(Order order, ChannelReturnSettings? settings)
    {
        if (order.ShippingAddress.CountryCode is { Length: 2 } country)
        {
            return string.Equals(country, "IT", StringComparison.OrdinalIgnoreCase) ? "it" : "en";
        }

        return settings?.DefaultLocale == "en" ? "en" : "it";
    }
}
