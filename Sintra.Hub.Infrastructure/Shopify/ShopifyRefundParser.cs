using System.Text.Json;
using Sintra.Hub.Core.Orders;

namespace Sintra.Hub.Infrastructure.Shopify;

/// <summary>Reads a <c>refunds/create</c> body (REST shape) into a <see cref="ChannelRefund"/>.</summary>
public static class ShopifyRefundParser
{
    /// <summary>
    /// Parses a refund. A line counts as shipped when its restock type is <c>return</c> or its line item was fulfilled;
    /// <c>cancel</c>, <c>no_restock</c> and older bodies without a restock type on an unfulfilled line count as not
    /// shipped. Throws <see cref="ShopifyPayloadException"/> when the body is not a refund.
    /// </summary>
    public static ChannelRefund Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var id = ShopifyOrderParser.RequiredLong(root, "id");
            var orderId = ShopifyOrderParser.RequiredLong(root, "order_id");
            var lines = new List<ChannelRefundLine>();
            if (root.TryGetProperty("refund_line_items", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in items.EnumerateArray())
                {
                    lines.Add(ParseLine(item));
                }
            }

            return new ChannelRefund(id, orderId, lines);
        }
        catch (JsonException exception)
        {
            throw new ShopifyPayloadException($"The refund body is not valid JSON: {exception.Message}", exception);
        }
        catch (Exception exception)
            when (exception is FormatException or InvalidOperationException or OverflowException)
        {
            throw new ShopifyPayloadException($"The refund body has an invalid value: {exception.Message}", exception);
        }
    }

    private static ChannelRefundLine ParseLine(JsonElement item)
    {
        var quantity = (int)ShopifyOrderParser.RequiredLong(item, "quantity");
        if (quantity < 0)
        {
            throw new ShopifyPayloadException(
                $"Refund line {ShopifyOrderParser.RequiredLong(item, "id")} has a negative quantity {quantity}.");
        }

        var lineItemId = ShopifyOrderParser.RequiredLong(item, "line_item_id");
        var restockType = ShopifyOrderParser.String(item, "restock_type");
        var fulfilled = item.TryGetProperty("line_item", out var lineItem)
            && ShopifyOrderParser.String(lineItem, "fulfillment_status") == "fulfilled";
        return new ChannelRefundLine(lineItemId, quantity, Shipped: restockType == "return" || fulfilled, restockType);
    }
}
