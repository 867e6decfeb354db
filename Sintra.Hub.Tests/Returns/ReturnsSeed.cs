using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Core.Returns;
using Sintra.Hub.Tests.Ui;

namespace Sintra.Hub.Tests.Returns;

/// <summary>A shop with returns enabled and one paid order of two mugs and one card, written straight to the database.</summary>
public sealed record ReturnsSeed(Guid ChannelId, Guid OrderId, Guid MugLineId, Guid CardLineId, Guid VariantId, Guid WarehouseId)
{
    public const string Slug = "bottega";

    public const string OrderName = "#1042";

    public const string Email = "chiara@example.it";

    public const string Postcode = "20121";

    public static async Task<ReturnsSeed> SaveAsync(HubDbContext db, DateTime nowUtc, params string[] frameOrigins)
    {
        var channel = OrderSeed.Channel("Bottega Sintra", "bottega-sintra.myshopify.com");
        var warehouse = new Warehouse { Code = "MIL", Name = "Milano centrale" };
        var product = new Product { Handle = "tazza-ceramica", Title = "Tazza in ceramica", CreatedAt = nowUtc, UpdatedAt = nowUtc };
        var variant = new ProductVariant { ProductId = product.Id, Sku = "TAZZA-BLU", Option1 = "Blu", Price = 12.5m };
        var order = OrderSeed.Order(channel, OrderName, nowUtc.AddDays(-3), "Chiara Esposito", Email, 30m, "TAZZA-BLU");
        order.OrderNumber = 1042;
        order.ShippingAddress = new Address { City = "Milano", Zip = Postcode, CountryCode = "IT" };
        order.BillingAddress = new Address { City = "Milano", Zip = Postcode, CountryCode = "IT" };
        var mug = order.Lines[0];
        mug.Title = "Tazza in ceramica";
        mug.VariantId = variant.Id;
        mug.Quantity = 2;
        mug.Price = 12.5m;
        var card = new OrderLine { OrderId = order.Id, ExternalId = 77, Sku = "BIGLIETTO", Title = "Biglietto d'auguri", Quantity = 1, Price = 5m };
        order.Lines.Add(card);

        db.Channels.Add(channel);
        db.Warehouses.Add(warehouse);
        db.Products.Add(product);
        db.Variants.Add(variant);
        db.Orders.Add(order);
        db.Add(new ChannelReturnSettings
        {
            ChannelId = channel.Id,
            Slug = Slug,
            AllowedFrameOrigins = string.Join('\n', frameOrigins),
            WindowDays = 30,
            InstructionsIt = "Spedisci il pacco a: Bottega Sintra, Via Torino 1, 20123 Milano.",
            InstructionsEn = "Send the parcel to: Bottega Sintra, Via Torino 1, 20123 Milano, Italy.",
            Reasons = ReturnSettingsService.DefaultReasons(),
        });
        await db.SaveChangesAsync();
        return new ReturnsSeed(channel.Id, order.Id, mug.Id, card.Id, variant.Id, warehouse.Id);
    }
}
