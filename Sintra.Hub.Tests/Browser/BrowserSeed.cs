using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Core.Webhooks;
using Sintra.Hub.Tests.Ui;

namespace Sintra.Hub.Tests.Browser;

/// <summary>An invented shop with one detailed order and a failed inbox message, written straight to the database.</summary>
public sealed record BrowserSeed(Guid OrderId, Guid FailedMessageId)
{
    public static async Task<BrowserSeed> SaveAsync(HubDbContext db, DateTime nowUtc)
    {
        var channel = OrderSeed.Channel("Bottega Sintra", "bottega-sintra.myshopify.com");
        var warehouse = new Warehouse { Code = "MIL", Name = "Milano centrale" };
        var product = new Product { Handle = "tazza-ceramica", Title = "Tazza in ceramica", CreatedAt = nowUtc, UpdatedAt = nowUtc };
        var variant = new ProductVariant { ProductId = product.Id, Sku = "TAZZA-BLU", Option1 = "Blu", Price = 12.5m };
        var order = OrderSeed.Order(channel, "#1042", nowUtc.AddHours(-2), "Chiara Esposito", "chiara@example.it", 37.5m, "TAZZA-BLU");
        var matched = order.Lines[0];
        matched.VariantId = variant.Id;
        matched.Quantity = 3;
        matched.Price = 12.5m;
        matched.ShortfallQuantity = 1;
        order.Lines.Add(new OrderLine
        {
            OrderId = order.Id,
            ExternalId = 77,
            Sku = "BIGLIETTO-AUGURI",
            Title = "Biglietto d'auguri",
            Quantity = 1,
        });
        order.HasUnmatchedLines = true;
        order.HasStockShortfall = true;
        order.HasFiscalProblems = true;
        order.Fiscal = new FiscalData
        {
            CodiceFiscale = "SPSCHR85M41F205X",
            PartitaIva = "12345678901",
            Problems = "Partita IVA '12345678901' is invalid.",
        };
        order.ShippingAddress = MilanAddress();
        order.BillingAddress = MilanAddress();

        var message = new InboxMessage
        {
            Source = "shopify",
            WebhookId = "wh-7f3a1c",
            ChannelId = channel.Id,
            ShopDomain = channel.ShopDomain,
            Topic = "orders/create",
            Body = """{"id":820982911946154508,"name":"#1042","email":"chiara@example.it"}""",
            Status = InboxStatus.Failed,
            Attempts = 5,
            NextAttemptAt = nowUtc.AddMinutes(-5),
            LastError = "Line 2 has an invalid quantity.",
            ReceivedAt = nowUtc.AddHours(-1),
            DuplicateCount = 1,
        };

        db.Channels.Add(channel);
        db.Warehouses.Add(warehouse);
        db.Products.Add(product);
        db.Variants.Add(variant);
        db.Orders.Add(order);
        db.InboxMessages.Add(message);
        db.Reservations.Add(new Reservation
        {
            OrderLineId = matched.Id, VariantId = variant.Id, WarehouseId = warehouse.Id, Quantity = 2, CreatedAt = nowUtc,
        });
        db.OrderEvents.Add(new OrderEvent
        {
            OrderId = order.Id, OccurredAt = nowUtc.AddHours(-1), Kind = "webhook:orders/create",
            Message = "Order created from the webhook.", InboxMessageId = message.Id,
        });
        await db.SaveChangesAsync();
        return new BrowserSeed(order.Id, message.Id);
    }

    // EF Core owned types cannot share one instance, so each address gets its own.
    private static Address MilanAddress() => new()
    {
        FirstName = "Chiara",
        LastName = "Esposito",
        Address1 = "Via Roma 1",
        Zip = "20121",
        City = "Milano",
        ProvinceCode = "MI",
        CountryCode = "IT",
    };
}
