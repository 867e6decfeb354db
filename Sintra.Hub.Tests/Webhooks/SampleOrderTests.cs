using System.Net;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Webhooks;
using Sintra.Hub.Infrastructure.Shopify;

namespace Sintra.Hub.Tests.Webhooks;

/// <summary>A full order shaped like Shopify's sample payload, processed by the running inbox job.</summary>
public sealed class SampleOrderTests : IAsyncLifetime
{
    private const string Body = """
        {
          "id": 5820348719234561234,
          "admin_graphql_api_id": "gid://shopify/Order/5820348719234561234",
          "name": "#1042",
          "order_number": 1042,
          "email": "lucia.ferri@example.it",
          "phone": "+39 02 1234 5678",
          "created_at": "2025-03-14T10:15:00+01:00",
          "updated_at": "2025-03-14T10:16:30+01:00",
          "cancelled_at": null,
          "cancel_reason": null,
          "currency": "EUR",
          "presentment_currency": "CHF",
          "financial_status": "paid",
          "fulfillment_status": null,
          "taxes_included": true,
          "subtotal_price": "89.90",
          "subtotal_price_set": {
            "shop_money": { "amount": "89.90", "currency_code": "EUR" },
            "presentment_money": { "amount": "86.30", "currency_code": "CHF" }
          },
          "total_discounts": "10.00",
          "total_discounts_set": {
            "shop_money": { "amount": "10.00", "currency_code": "EUR" },
            "presentment_money": { "amount": "9.60", "currency_code": "CHF" }
          },
          "total_tax": "17.78",
          "total_price": "97.80",
          "total_price_set": {
            "shop_money": { "amount": "97.80", "currency_code": "EUR" },
            "presentment_money": { "amount": "93.89", "currency_code": "CHF" }
          },
          "total_shipping_price_set": {
            "shop_money": { "amount": "7.90", "currency_code": "EUR" },
            "presentment_money": { "amount": "7.58", "currency_code": "CHF" }
          },
          "discount_codes": [ { "code": "PRIMAVERA10", "amount": "10.00", "type": "fixed_amount" } ],
          "note": "Regalo: niente prezzi nel pacco",
          "note_attributes": [
            { "name": "Codice_Fiscale", "value": " frrlcu80a41f205x " },
            { "name": "codice_destinatario", "value": "0000000" },
            { "name": "pec", "value": "lucia.ferri@pec.example.it" }
          ],
          "customer": { "id": 7312098712345678901, "first_name": "Lucia", "last_name": "Ferri" },
          "billing_address": {
            "first_name": "Lucia", "last_name": "Ferri", "company": null, "address1": "Via Solferino 12",
            "address2": "Scala B", "city": "Milano", "province": "Milano", "province_code": "MI", "zip": "20121",
            "country": "Italy", "country_code": "IT", "phone": "+39 02 1234 5678"
          },
          "shipping_address": {
            "first_name": "Marco", "last_name": "Ferri", "address1": "Corso Italia 3", "city": "Lugano",
            "province": "Ticino", "province_code": "TI", "zip": "6900", "country": "Switzerland",
            "country_code": "CH", "phone": null
          },
          "line_items": [
            {
              "id": 1412345678901234561, "product_id": 9012345678901234561, "variant_id": 4512345678901234561,
              "sku": "0001234", "title": "Tazza in ceramica", "variant_title": "Blu", "quantity": 2,
              "price": "24.95",
              "price_set": {
                "shop_money": { "amount": "24.95", "currency_code": "EUR" },
                "presentment_money": { "amount": "23.95", "currency_code": "CHF" }
              },
              "total_discount": "5.00", "requires_shipping": true
            },
            {
              "id": 1412345678901234562, "product_id": 9012345678901234562, "variant_id": 4512345678901234562,
              "sku": "PIATTO-OVALE", "title": "Piatto ovale", "variant_title": null, "quantity": 1,
              "price": "32.00", "total_discount": "5.00", "requires_shipping": true
            },
            {
              "id": 1412345678901234563, "product_id": null, "variant_id": null,
              "sku": "", "title": "Confezione regalo", "variant_title": null, "quantity": 1,
              "price": "8.00", "total_discount": "0.00", "requires_shipping": false
            }
          ],
          "shipping_lines": [ { "title": "Corriere espresso", "price": "7.90" } ]
        }
        """;

    // A poll interval of an hour leaves the processing to the immediate start that a stored delivery triggers.
    private readonly WebhookTestApp app = new(processing: true, settings: new Dictionary<string, string?>
    {
        ["Inbox:PollSeconds"] = "3600",
    });
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        client = app.CreateClient();
        await app.SeedShopAsync(["0001234", "PIATTO-OVALE"], onHand: 1);
    }

    public Task DisposeAsync()
    {
        client.Dispose();
        app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SampleOrderProcessedWithThreeLines()
    {
        var response = await app.PostAsync(client, ShopifyTopics.OrdersCreate, "sample-1", Body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var message = await WaitUntilHandledAsync();
        Assert.Equal(InboxStatus.Processed, message.Status);

        await using var db = app.CreateDbContext();
        var order = await db.Orders.Include(o => o.Lines).SingleAsync();
        Assert.Equal(3, order.Lines.Count);
        Assert.Equal(5820348719234561234L, order.ExternalId);
        Assert.Equal("#1042", order.Name);
        Assert.Equal(OrderStatus.Paid, order.Status);
        Assert.Equal(new DateTime(2025, 3, 14, 9, 15, 0, DateTimeKind.Utc), order.PlacedAt);
        Assert.Equal(new DateOnly(2025, 3, 14), order.BusinessDate);
        Assert.Equal("EUR", order.Currency);
        Assert.Equal("CHF", order.PresentmentCurrency);
        Assert.Equal(97.80m, order.TotalPrice);
        Assert.Equal(93.89m, order.PresentmentTotalPrice);
        Assert.Equal(10.00m, order.TotalDiscounts);
        Assert.Equal(7.90m, order.TotalShipping);
        Assert.Equal(7312098712345678901L, order.CustomerExternalId);
        Assert.Equal("Lucia Ferri", order.CustomerName);
        Assert.Equal("Via Solferino 12", order.BillingAddress.Address1);
        Assert.Equal("20121", order.BillingAddress.Zip);
        Assert.Equal("Lugano", order.ShippingAddress.City);
        Assert.Equal("CH", order.ShippingAddress.CountryCode);

        var cup = order.Lines.Single(l => l.Sku == "0001234");
        Assert.Equal(24.95m, cup.Price);
        Assert.Equal(23.95m, cup.PresentmentPrice);
        Assert.Equal(1, cup.ShortfallQuantity);
        Assert.NotNull(order.Lines.Single(l => l.Sku == "PIATTO-OVALE").VariantId);
        Assert.Null(order.Lines.Single(l => l.Title == "Confezione regalo").VariantId);
        Assert.True(order.HasStockShortfall);
        Assert.True(order.HasUnmatchedLines);

        Assert.Equal("FRRLCU80A41F205X", order.Fiscal.CodiceFiscale);
        Assert.Equal("0000000", order.Fiscal.CodiceDestinatario);
        Assert.True(order.HasFiscalProblems);
        Assert.Contains("Codice fiscale 'FRRLCU80A41F205X'", order.Fiscal.Problems);

        var events = await db.OrderEvents.Where(e => e.OrderId == order.Id).ToListAsync();
        var applied = Assert.Single(events);
        Assert.Equal("webhook:orders/create", applied.Kind);
        Assert.Equal(message.Id, applied.InboxMessageId);
    }

    private async Task<InboxMessage> WaitUntilHandledAsync()
    {
        // The endpoint starts the job at once, so the bound only covers a slow machine.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = app.CreateDbContext();
            var message = await db.InboxMessages.AsNoTracking().SingleAsync();
            if (message.Status is InboxStatus.Processed or InboxStatus.Failed or InboxStatus.Retrying
                || DateTime.UtcNow > deadline)
            {
                return message;
            }

            await Task.Delay(50);
        }
    }
}
