using System.Globalization;
using System.Text.Json.Nodes;

namespace Sintra.Hub.Tests.Shopify.Fake;

/// <summary>A fulfillment order line item: the units of an order line item one location still has to fulfill.</summary>
public sealed class FakeFulfillmentOrderLine(string id, long lineItemId, int quantity)
{
    public string Id { get; } = id;

    public long LineItemId { get; } = lineItemId;

    public int RemainingQuantity { get; set; } = quantity;
}

/// <summary>A fulfillment order of one location, with Shopify's status names.</summary>
public sealed class FakeFulfillmentOrder(string id, string locationId, List<FakeFulfillmentOrderLine> lines)
{
    public string Id { get; } = id;

    public string LocationId { get; } = locationId;

    public string Status { get; set; } = "OPEN";

    public List<FakeFulfillmentOrderLine> Lines { get; } = lines;
}

/// <summary>A fulfillment the shop created, with what the request asked for.</summary>
public sealed record FakeFulfillment(string Id, long OrderId, IReadOnlyList<(long LineItemId, int Quantity)> Lines,
    string? TrackingCompany, string? TrackingNumber, string? TrackingUrl, bool NotifyCustomer);

/// <summary>An <c>orderCancel</c> call the shop accepted.</summary>
public sealed record FakeCancellation(long OrderId, string Reason, bool Restock, bool? Refund, bool? NotifyCustomer,
    string? StaffNote);

public sealed partial class FakeShop
{
    private readonly Dictionary<long, List<FakeFulfillmentOrder>> fulfillmentOrders = [];
    private readonly HashSet<long> cancelledOrders = [];
    private readonly List<FakeFulfillment> fulfillments = [];
    private readonly List<FakeCancellation> cancellations = [];
    private string? nextFulfillmentError;

    public IReadOnlyList<FakeFulfillment> Fulfillments
    {
        get
        {
            lock (gate)
            {
                return [.. fulfillments];
            }
        }
    }

    public IReadOnlyList<FakeCancellation> Cancellations
    {
        get
        {
            lock (gate)
            {
                return [.. cancellations];
            }
        }
    }

    /// <summary>Adds an order with one open fulfillment order at <paramref name="locationId"/> for all its lines.</summary>
    public FakeFulfillmentOrder AddOrder(long orderId, string locationId, params (long LineItemId, int Quantity)[] lines)
    {
        lock (gate)
        {
            var order = new FakeFulfillmentOrder($"gid://shopify/FulfillmentOrder/{nextId++}", locationId,
                lines.Select(l => new FakeFulfillmentOrderLine(
                    $"gid://shopify/FulfillmentOrderLineItem/{nextId++}", l.LineItemId, l.Quantity)).ToList());
            fulfillmentOrders[orderId] = [order];
            return order;
        }
    }

    /// <summary>
    /// Makes the next <c>fulfillmentCreate</c> fail with a user error carrying <paramref name="message"/>, as Shopify
    /// does for a problem that only it can see, such as a location that stopped fulfilling.
    /// </summary>
    public void RejectNextFulfillment(string message)
    {
        lock (gate)
        {
            nextFulfillmentError = message;
        }
    }

    internal (JsonObject Data, double ActualCost) GetFulfillmentOrders(JsonObject variables)
    {
        var orderId = NumericId(variables["orderId"]!.GetValue<string>());
        var first = variables["first"]!.GetValue<int>();
        var linesFirst = variables["lineItemsFirst"]!.GetValue<int>();
        lock (gate)
        {
            if (orderId is null || !fulfillmentOrders.TryGetValue(orderId.Value, out var orders))
            {
                return (new JsonObject { ["order"] = null }, 1);
            }

            var page = orders.Take(first).ToList();
            var nodes = page.Select(order => new JsonObject
            {
                ["id"] = order.Id,
                ["status"] = order.Status,
                ["assignedLocation"] = new JsonObject { ["location"] = new JsonObject { ["id"] = order.LocationId } },
                ["lineItems"] = Connection(order.Lines.Take(linesFirst).Select(line => new JsonObject
                {
                    ["id"] = line.Id,
                    ["remainingQuantity"] = line.RemainingQuantity,
                    ["lineItem"] = new JsonObject { ["id"] = $"gid://shopify/LineItem/{line.LineItemId}" },
                }), order.Lines.Count > linesFirst, null),
            });
            var cost = 3 + page.Sum(order => 5 + (2 * Math.Min(order.Lines.Count, linesFirst)));
            return (new JsonObject
            {
                ["order"] = new JsonObject
                {
                    ["id"] = $"gid://shopify/Order/{orderId}",
                    ["fulfillmentOrders"] = Connection(nodes, orders.Count > first, null),
                },
            }, cost);
        }
    }

    /// <summary>
    /// Runs <c>fulfillmentCreate</c> like Shopify: every fulfillment order must exist and be open or in progress,
    /// every line item must belong to it, and no quantity may exceed what remains. A rejected request changes nothing.
    /// </summary>
    internal (JsonObject Data, string Outcome) CreateFulfillment(JsonObject variables)
    {
        var input = variables["fulfillment"]!.AsObject();
        lock (gate)
        {
            if (nextFulfillmentError is { } forced)
            {
                nextFulfillmentError = null;
                return (FulfillmentError(forced), "user-error");
            }

            var planned = new List<(FakeFulfillmentOrder Order, FakeFulfillmentOrderLine Line, int Quantity, long OrderId)>();
            foreach (var group in input["lineItemsByFulfillmentOrder"]!.AsArray())
            {
                var foId = group!["fulfillmentOrderId"]!.GetValue<string>();
                var (orderId, order) = fulfillmentOrders.SelectMany(p => p.Value.Select(o => (p.Key, o)))
                    .FirstOrDefault(pair => pair.o.Id == foId);
                if (order is null)
                {
                    return (FulfillmentError("Fulfillment order does not exist."), "user-error");
                }

                if (order.Status is not ("OPEN" or "IN_PROGRESS"))
                {
                    return (FulfillmentError(
                        $"Fulfillment order {foId} has an unfulfillable status= {order.Status.ToLowerInvariant()}."),
                        "user-error");
                }

                var items = group["fulfillmentOrderLineItems"]?.AsArray();
                var requested = items is null || items.Count == 0
                    ? order.Lines.Where(l => l.RemainingQuantity > 0).Select(l => (l.Id, l.RemainingQuantity)).ToList()
                    : items.Select(i => (i!["id"]!.GetValue<string>(), i["quantity"]!.GetValue<int>())).ToList();
                foreach (var (lineId, quantity) in requested)
                {
                    var line = order.Lines.FirstOrDefault(l => l.Id == lineId);
                    if (line is null || quantity <= 0 || quantity > line.RemainingQuantity)
                    {
                        return (FulfillmentError("Invalid fulfillment order line item quantity requested."), "user-error");
                    }

                    planned.Add((order, line, quantity, orderId));
                }
            }

            foreach (var (order, line, quantity, _) in planned)
            {
                line.RemainingQuantity -= quantity;
                order.Status = order.Lines.All(l => l.RemainingQuantity == 0) ? "CLOSED" : "IN_PROGRESS";
            }

            var tracking = input["trackingInfo"] as JsonObject;
            var fulfillment = new FakeFulfillment($"gid://shopify/Fulfillment/{nextId++}", planned[0].OrderId,
                planned.Select(p => (p.Line.LineItemId, p.Quantity)).ToList(),
                tracking?["company"]?.GetValue<string>(), tracking?["number"]?.GetValue<string>(),
                tracking?["url"]?.GetValue<string>(), input["notifyCustomer"]?.GetValue<bool>() ?? false);
            fulfillments.Add(fulfillment);
            return (new JsonObject
            {
                ["fulfillmentCreate"] = new JsonObject
                {
                    ["fulfillment"] = new JsonObject
                    {
                        ["id"] = fulfillment.Id,
                        ["status"] = "SUCCESS",
                        ["trackingInfo"] = new JsonArray(new JsonObject
                        {
                            ["company"] = fulfillment.TrackingCompany,
                            ["number"] = fulfillment.TrackingNumber,
                            ["url"] = fulfillment.TrackingUrl,
                        }),
                    },
                    ["userErrors"] = new JsonArray(),
                },
            }, "ok");
        }
    }

    /// <summary>Runs <c>orderCancel</c>: rejects an unknown or already cancelled order, otherwise records the call.</summary>
    internal (JsonObject Data, string Outcome) CancelOrder(JsonObject variables)
    {
        var orderId = NumericId(variables["orderId"]!.GetValue<string>());
        lock (gate)
        {
            if (orderId is null || !fulfillmentOrders.ContainsKey(orderId.Value))
            {
                return (CancelError("NOT_FOUND", "Order does not exist."), "user-error");
            }

            if (!cancelledOrders.Add(orderId.Value))
            {
                return (CancelError("INVALID", "Order has already been cancelled."), "user-error");
            }

            cancellations.Add(new FakeCancellation(orderId.Value, variables["reason"]!.GetValue<string>(),
                variables["restock"]!.GetValue<bool>(),
                variables["refundMethod"]?["originalPaymentMethodsRefund"]?.GetValue<bool>(),
                variables["notifyCustomer"]?.GetValue<bool>(), variables["staffNote"]?.GetValue<string>()));
            return (new JsonObject
            {
                ["orderCancel"] = new JsonObject
                {
                    ["job"] = new JsonObject { ["id"] = $"gid://shopify/Job/{Guid.NewGuid()}", ["done"] = false },
                    ["orderCancelUserErrors"] = new JsonArray(),
                },
            }, "ok");
        }
    }

    private static JsonObject FulfillmentError(string message) => new()
    {
        ["fulfillmentCreate"] = new JsonObject
        {
            ["fulfillment"] = null,
            ["userErrors"] = new JsonArray(new JsonObject
            {
                ["field"] = new JsonArray("fulfillment", "lineItemsByFulfillmentOrder"),
                ["message"] = message,
            }),
        },
    };

    private static JsonObject CancelError(string code, string message) => new()
    {
        ["orderCancel"] = new JsonObject
        {
            ["job"] = null,
            ["orderCancelUserErrors"] = new JsonArray(new JsonObject
            {
                ["code"] = code,
                ["field"] = new JsonArray("orderId"),
                ["message"] = message,
            }),
        },
    };

    private static long? NumericId(string gid) =>
        long.TryParse(gid[(gid.LastIndexOf('/') + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}
