using System.Text.Json;

namespace Sintra.Hub.Tests.Orders;

/// <summary>A line of a test order: Shopify line item id, SKU and quantity.</summary>
public sealed record TestLine(long Id, string? Sku, int Quantity);

/// <summary>Builds Shopify REST-shaped order bodies with invented data.</summary>
public static class ShopifyOrderJson
{
    public static string Create(
        long id,
        DateTime createdAt,
        DateTime updatedAt,
        string financialStatus,
        IEnumerable<TestLine> lines,
        DateTime? cancelledAt = null,
        IEnumerable<(string Name, string Value)>? noteAttributes = null)
    {
        var order = new
        {
            id,
            name = $"#{id % 100000}",
            order_number = id % 100000,
            email = "cliente@example.it",
            created_at = createdAt.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            updated_at = updatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            cancelled_at = cancelledAt?.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            cancel_reason = cancelledAt is null ? null : "customer",
            currency = "EUR",
            presentment_currency = "EUR",
            financial_status = financialStatus,
            total_price = "25.00",
            subtotal_price = "25.00",
            total_tax = "4.51",
            total_discounts = "0.00",
            taxes_included = true,
            line_items = lines.Select(l => new
            {
                id = l.Id,
                sku = l.Sku,
                title = "Tazza in ceramica",
                quantity = l.Quantity,
                price = "12.50",
                total_discount = "0.00",
                requires_shipping = true,
            }),
            note_attributes = (noteAttributes ?? []).Select(a => new { name = a.Name, value = a.Value }),
        };
        return JsonSerializer.Serialize(order);
    }
}
