using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Tests.Ui;

/// <summary>Invented channels and orders for the UI and query tests.</summary>
public static class OrderSeed
{
    public static SalesChannel Channel(string name, string domain) =>
        new() { Name = name, ShopDomain = domain, TimeZone = "Europe/Rome", Currency = "EUR" };

    /// <summary>Creates an order placed at <paramref name="placedAtUtc"/> with one line of <paramref name="sku"/>.</summary>
    public static Order Order(
        SalesChannel channel,
        string name,
        DateTime placedAtUtc,
        string customer,
        string email,
        decimal total,
        string sku = "TSHIRT-RED-M",
        string currency = "EUR")
    {
        var order = new Order
        {
            ChannelId = channel.Id,
            ExternalId = Random.Shared.NextInt64(1, long.MaxValue),
            Name = name,
            CustomerName = customer,
            Email = email,
            Currency = currency,
            PresentmentCurrency = currency,
            TotalPrice = total,
            SubtotalPrice = total,
            PresentmentTotalPrice = total,
            FinancialStatus = "paid",
            PlacedAt = placedAtUtc,
            BusinessDate = DateOnly.FromDateTime(
                TimeZoneInfo.ConvertTimeFromUtc(placedAtUtc, TimeZoneInfo.FindSystemTimeZoneById(channel.TimeZone))),
            ChannelUpdatedAt = placedAtUtc,
            CreatedAt = placedAtUtc,
            UpdatedAt = placedAtUtc,
        };
        order.Lines.Add(new OrderLine
        {
            OrderId = order.Id,
            ExternalId = Random.Shared.NextInt64(1, long.MaxValue),
            Sku = sku,
            Title = "Maglietta " + sku,
            Quantity = 1,
            Price = total,
            PresentmentPrice = total,
        });
        return order;
    }

    public static async Task SaveAsync(HubDbContext db, IEnumerable<SalesChannel> channels, IEnumerable<Order> orders)
    {
        db.Channels.AddRange(channels);
        db.Orders.AddRange(orders);
        await db.SaveChangesAsync();
    }
}
