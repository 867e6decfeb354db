using System.Text.Json;
using Sintra.Hub.Core.Orders;

namespace Sintra.Hub.Infrastructure.Shopify;

/// <summary>Reads a <c>fulfillments/create</c> body (REST shape) into a <see cref="ChannelFulfillment"/>.</summary>
public static class ShopifyFulfillmentParser
{
    /// <summary>Parses a fulfillment; throws <see cref="ShopifyPayloadException"/> when the body is not one.</summary>
    public static ChannelFulfillment Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var lines = new List<ChannelFulfillmentLine>();
            if (root.TryGetProperty("line_items", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in items.EnumerateArray())
                {
                    var quantity = (int)ShopifyOrderParser.RequiredLong(item, "quantity");
                    if (quantity < 0)
                    {
                        throw new ShopifyPayloadException(
                            $"Fulfillment line {ShopifyOrderParser.RequiredLong(item, "id")} has a negative quantity {quantity}.");
                    }

                    lines.Add(new ChannelFulfillmentLine(ShopifyOrderParser.RequiredLong(item, "id"), quantity));
                }
            }

            return new ChannelFulfillment(
                ShopifyOrderParser.RequiredLong(root, "id"),
                ShopifyOrderParser.RequiredLong(root, "order_id"),
                ShopifyOrderParser.String(root, "status"),
                ShopifyOrderParser.String(root, "tracking_company"),
                ShopifyOrderParser.String(root, "tracking_number"),
                lines);
        }
        catch (JsonException exception)
        {
            throw new ShopifyPayloadException($"The fulfillment body is not valid JSON: {exception.Message}", exception);
        }
        catch (Exception exception)
            when (exception is FormatException or InvalidOperationException or OverflowException)
        {
            throw new ShopifyPayloadException(
                $"The fulfillment body has an invalid value: {exception.Message}", exception);
        }
    }
}
