using System.Text.Json;
using Sintra.Hub.Core.Orders;

namespace Sintra.Hub.Infrastructure.Shopify;

/// <summary>
/// Reads an <c>orders/edited</c> body, <c>{"order_edit": {"id", "order_id", "line_items": {"additions": [{"id",
/// "delta"}], "removals": [...]}}}</c>, into a <see cref="ChannelOrderEdit"/> with removals as negative deltas.
/// </summary>
public static class ShopifyOrderEditParser
{
    public static ChannelOrderEdit Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var edit = document.RootElement.GetProperty("order_edit");
            var lines = new List<ChannelOrderEditLine>();
            if (edit.TryGetProperty("line_items", out var items) && items.ValueKind == JsonValueKind.Object)
            {
                lines.AddRange(ReadChanges(items, "additions", sign: 1));
                lines.AddRange(ReadChanges(items, "removals", sign: -1));
            }

            return new ChannelOrderEdit(
                ShopifyOrderParser.RequiredLong(edit, "id"), ShopifyOrderParser.RequiredLong(edit, "order_id"), lines);
        }
        catch (JsonException exception)
        {
            throw new ShopifyPayloadException($"The order edit body is not valid JSON: {exception.Message}", exception);
        }
        catch (Exception exception)
            when (exception is FormatException or InvalidOperationException or OverflowException
                      or KeyNotFoundException)
        {
            throw new ShopifyPayloadException($"The order edit body has an invalid value: {exception.Message}", exception);
        }
    }

    private static IEnumerable<ChannelOrderEditLine> ReadChanges(JsonElement items, string name, int sign)
    {
        if (!items.TryGetProperty(name, out var changes) || changes.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var change in changes.EnumerateArray())
        {
            var delta = (int)ShopifyOrderParser.RequiredLong(change, "delta");
            if (delta < 0)
            {
                throw new ShopifyPayloadException(
                    $"Order edit {name} entry {ShopifyOrderParser.RequiredLong(change, "id")} has a negative delta {delta}.");
            }

            yield return new ChannelOrderEditLine(ShopifyOrderParser.RequiredLong(change, "id"), sign * delta);
        }
    }
}
