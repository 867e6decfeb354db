using System.Text.Json;
using Sintra.Hub.Core.Returns;

namespace Sintra.Hub.Infrastructure.Shopify;

/// <summary>Reads the body of Shopify's <c>returns/*</c> webhooks.</summary>
// NOTE: the field names (id, status, order.id, return_line_items[].fulfillment_line_item.line_item.id, quantity,
// decline.reason) follow Shopify's REST naming of the Return resource and were not checked against a real delivery.
public static class ShopifyReturnParser
{
    public const string ReturnsRequest = "returns/request";

    public const string ReturnsApprove = "returns/approve";

    public const string ReturnsDecline = "returns/decline";

    public const string ReturnsClose = "returns/close";

    public static bool IsReturnTopic(string topic) =>
        topic is ReturnsRequest or ReturnsApprove or ReturnsDecline or ReturnsClose;

    public static ChannelReturn Parse(string topic, string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        var status = topic switch
        {
            ReturnsApprove => ReturnStatus.Approved,
            ReturnsDecline => ReturnStatus.Rejected,
            ReturnsClose => ReturnStatus.Closed,
            _ => ReturnStatus.Requested,
        };
        string? declineReason = null;
        if (root.TryGetProperty("decline", out var decline) && decline.ValueKind == JsonValueKind.Object)
        {
            declineReason = Text(decline, "note") ?? Text(decline, "reason");
        }

        var lines = new List<ChannelReturnLine>();
        if (root.TryGetProperty("return_line_items", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in items.EnumerateArray())
            {
                if (item.TryGetProperty("fulfillment_line_item", out var fulfillmentLine)
                    && fulfillmentLine.TryGetProperty("line_item", out var lineItem))
                {
                    lines.Add(new ChannelReturnLine(lineItem.GetProperty("id").GetInt64(), item.GetProperty("quantity").GetInt32()));
                }
            }
        }

        return new ChannelReturn(
            root.GetProperty("id").GetInt64(),
            root.GetProperty("order").GetProperty("id").GetInt64(),
            status,
            declineReason,
            lines);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
