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
                    var quantity = (int)Long(item, "quantity");
                    if (quantity < 0)
                    {
                        throw new ShopifyPayloadException(
                            $"Fulfillment line {Long(item, "id")} has a negative quantity {quantity}.");
                    }

                    lines.Add(new ChannelFulfillmentLine(Long(item, "id"), quantity));
                }
            }

            return new ChannelFulfillment(
                Long(root, "id"),
                Long(root, "order_id"),
                ShopifyOrderParser.String(root, "status"),
                ShopifyOrderParser.String(root, "tracking_company"),
                ShopifyOrderParser.String(root, "tracking_number"),
                lines);
        }
        catch (JsonException exception)
        {
            throw new ShopifyPayloadException($"The fulfillment body is not valid JSON: {exception.Message}", exception);
        }
        catch (InvalidOperationException exception)
        {
            throw new ShopifyPayloadException(
                $"The fulfillment body has an invalid value: {exception.Message}", exception);
        }
    }

    private static long Long(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetInt64()
            : throw new ShopifyPayloadException($"The field '{name}' is missing or not a number.");
}
