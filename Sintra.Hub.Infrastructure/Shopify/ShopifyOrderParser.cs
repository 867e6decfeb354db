using System.Globalization;
using System.Text.Json;
using Sintra.Hub.Core.Orders;

namespace Sintra.Hub.Infrastructure.Shopify;

/// <summary>
/// Parses the REST-shaped order that Shopify sends with the <c>orders/*</c> webhooks. Ids are read as
/// <see cref="long"/> because they exceed 2^53, and money as exact decimals from the strings Shopify sends.
/// </summary>
public static class ShopifyOrderParser
{
    /// <summary>
    /// Parses an order body. Throws <see cref="ShopifyPayloadException"/> when a required field is missing or a
    /// value has the wrong form, and <see cref="JsonException"/> when the body is not JSON.
    /// </summary>
    public static ChannelOrder Parse(string body)
    {
        try
        {
            return ParseDocument(body);
        }
        catch (Exception exception)
            when (exception is FormatException or InvalidOperationException or OverflowException)
        {
            throw new ShopifyPayloadException($"The order body has an invalid value: {exception.Message}", exception);
        }
    }

    private static ChannelOrder ParseDocument(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ShopifyPayloadException("The order body is not a JSON object.");
        }

        var id = RequiredLong(root, "id");
        var createdAt = RequiredTimestamp(root, "created_at");
        var currency = String(root, "currency") ?? ShopCurrency(root)
            ?? throw new ShopifyPayloadException($"Order {id} has no currency.");

        return new ChannelOrder
        {
            ExternalId = id,
            Name = String(root, "name") ?? $"#{Long(root, "order_number") ?? id}",
            OrderNumber = Long(root, "order_number"),
            Email = String(root, "email") ?? String(root, "contact_email"),
            Phone = String(root, "phone"),
            CustomerExternalId = Property(root, "customer") is { } customer ? Long(customer, "id") : null,
            CustomerName = CustomerName(root),
            BillingAddress = ShopifyAddressParser.Parse(Property(root, "billing_address")),
            ShippingAddress = ShopifyAddressParser.Parse(Property(root, "shipping_address")),
            Currency = currency,
            PresentmentCurrency = String(root, "presentment_currency") ?? currency,
            SubtotalPrice = ShopMoney(root, "subtotal_price"),
            TotalDiscounts = ShopMoney(root, "total_discounts"),
            TotalShipping = TotalShipping(root),
            TotalTax = ShopMoney(root, "total_tax"),
            TotalPrice = ShopMoney(root, "total_price"),
            PresentmentTotalPrice = PresentmentMoney(root, "total_price"),
            TaxesIncluded = Property(root, "taxes_included")?.ValueKind == JsonValueKind.True,
            FinancialStatus = String(root, "financial_status"),
            FulfillmentStatus = String(root, "fulfillment_status"),
            CreatedAt = createdAt,
            UpdatedAt = Timestamp(root, "updated_at") ?? createdAt,
            CancelledAt = Timestamp(root, "cancelled_at"),
            CancelReason = String(root, "cancel_reason"),
            Note = String(root, "note"),
            Lines = Array(root, "line_items").Select(ParseLine).ToList(),
            NoteAttributes = Array(root, "note_attributes")
                .Select(a => new ChannelAttribute(String(a, "name") ?? string.Empty, ValueText(a)))
                .ToList(),
        };
    }

    private static ChannelOrderLine ParseLine(JsonElement line) => new()
    {
        ExternalId = RequiredLong(line, "id"),
        ExternalProductId = Long(line, "product_id"),
        ExternalVariantId = Long(line, "variant_id"),
        Sku = String(line, "sku"),
        Title = String(line, "title") ?? String(line, "name") ?? string.Empty,
        VariantTitle = String(line, "variant_title"),
        Quantity = Quantity(line),
        Price = ShopMoney(line, "price"),
        PresentmentPrice = PresentmentMoney(line, "price"),
        TotalDiscount = ShopMoney(line, "total_discount"),
        RequiresShipping = Property(line, "requires_shipping")?.ValueKind != JsonValueKind.False,
    };

    // A negative quantity would store a line that reserves nothing and shows no shortfall. Zero is accepted and
    // reserves nothing.
    private static int Quantity(JsonElement line)
    {
        var quantity = Property(line, "quantity")?.GetInt32() ?? 0;
        if (quantity < 0)
        {
            throw new ShopifyPayloadException(
                $"Line item {RequiredLong(line, "id")} has an invalid quantity {quantity}. It must be 0 or more.");
        }

        return quantity;
    }

    private static string? CustomerName(JsonElement root)
    {
        if (Property(root, "customer") is not { } customer)
        {
            return null;
        }

        var name = string.Join(' ', new[] { String(customer, "first_name"), String(customer, "last_name") }
            .Where(s => !string.IsNullOrWhiteSpace(s)));
        return name.Length == 0 ? null : name;
    }

    private static decimal TotalShipping(JsonElement root)
    {
        if (Property(root, "total_shipping_price_set") is not null)
        {
            return ShopMoney(root, "total_shipping_price");
        }

        return Array(root, "shipping_lines").Sum(s => ShopMoney(s, "price"));
    }

    // A "<field>_set" object carries the amount in the shop and in the presentment currency; older payloads have
    // only the plain field in the shop currency.
    private static decimal ShopMoney(JsonElement element, string field) =>
        SetAmount(element, field, "shop_money") ?? Money(element, field);

    private static decimal PresentmentMoney(JsonElement element, string field) =>
        SetAmount(element, field, "presentment_money") ?? ShopMoney(element, field);

    private static decimal? SetAmount(JsonElement element, string field, string side) =>
        Property(element, field + "_set") is { } set && Property(set, side) is { } money
            ? Money(money, "amount")
            : null;

    private static string? ShopCurrency(JsonElement root) =>
        Property(root, "total_price_set") is { } set && Property(set, "shop_money") is { } money
            ? String(money, "currency_code")
            : null;

    // Amounts are stored with 4 decimals on every provider. A finer amount is rejected rather than rounded, because
    // SQLite would keep it whole while SQL Server and PostgreSQL would round it.
    private const int MaxMoneyScale = 4;

    private static decimal Money(JsonElement element, string field)
    {
        var value = Property(element, field);
        var amount = value?.ValueKind switch
        {
            JsonValueKind.String => decimal.Parse(
                value.Value.GetString()!, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture),
            JsonValueKind.Number => value.Value.GetDecimal(),
            _ => 0m,
        };
        if (amount != Math.Round(amount, MaxMoneyScale))
        {
            throw new ShopifyPayloadException(
                $"The amount '{field}' = {amount.ToString(CultureInfo.InvariantCulture)} has more than "
                + $"{MaxMoneyScale} decimals; the hub does not round money.");
        }

        return amount;
    }

    private static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
        && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    internal static string? String(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static string? ValueText(JsonElement attribute) => Property(attribute, "value") switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { } value => value.GetRawText(),
        null => null,
    };

    private static long? Long(JsonElement element, string name) => Property(element, name) switch
    {
        { ValueKind: JsonValueKind.Number } value => value.GetInt64(),
        { ValueKind: JsonValueKind.String } value => long.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>Reads a required id or count, as a JSON number or a numeric string.</summary>
    internal static long RequiredLong(JsonElement element, string name) =>
        Long(element, name) ?? throw new ShopifyPayloadException($"The field '{name}' is missing.");

    private static DateTime? Timestamp(JsonElement element, string name) =>
        String(element, name) is { } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).UtcDateTime
            : null;

    private static DateTime RequiredTimestamp(JsonElement element, string name) =>
        Timestamp(element, name) ?? throw new ShopifyPayloadException($"The field '{name}' is missing.");

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];
}

/// <summary>A webhook body that is valid JSON but lacks a field the hub needs.</summary>
public sealed class ShopifyPayloadException : Exception
{
    public ShopifyPayloadException(string message)
        : base(message)
    {
    }

    public ShopifyPayloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
