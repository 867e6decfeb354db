using System.Globalization;
using System.Text.Json.Nodes;

namespace Sintra.Hub.Tests.Shopify.Fake;

/// <summary>Units of an order line item in one fulfillment.</summary>
public sealed record FakeFulfillmentLineItem(string Id, long LineItemId, int Quantity);

/// <summary>An order as the returns operations see it: fulfilled units, one sale and the money refunded so far.</summary>
public sealed class FakeReturnableOrder(long id, string currency, decimal total)
{
    public long Id { get; } = id;

    public string Currency { get; } = currency;

    public decimal Total { get; } = total;

    public decimal Refunded { get; set; }

    public List<FakeFulfillmentLineItem> Lines { get; } = [];

    public string SaleTransactionId { get; init; } = string.Empty;
}

/// <summary>A return line: the fulfillment line item, its order line item and the units.</summary>
public sealed record FakeReturnLine(string FulfillmentLineItemId, long LineItemId, int Quantity, string? Note);

/// <summary>A return in the shop, with Shopify's status names (REQUESTED, OPEN, DECLINED, CLOSED).</summary>
public sealed class FakeReturn(string id, long orderId, string status, IReadOnlyList<FakeReturnLine> lines)
{
    public string Id { get; } = id;

    public long OrderId { get; } = orderId;

    public string Status { get; set; } = status;

    public IReadOnlyList<FakeReturnLine> Lines { get; } = lines;

    public string? DeclineReason { get; set; }

    public string? DeclineNote { get; set; }

    public bool? NotifyCustomer { get; init; }
}

/// <summary>A refund the shop created, with the idempotency key it was sent with.</summary>
public sealed record FakeRefund(string Id, long OrderId, decimal Amount, string? Currency, string ParentTransactionId,
    string? Gateway, string IdempotencyKey);

public sealed partial class FakeShop
{
    private const string SaleGateway = "shopify_payments";

    private readonly Dictionary<long, FakeReturnableOrder> returnableOrders = [];
    private readonly List<FakeReturn> returns = [];
    private readonly List<FakeRefund> refunds = [];
    private readonly Dictionary<string, JsonObject> refundReplies = new(StringComparer.Ordinal);

    public IReadOnlyList<FakeReturn> Returns
    {
        get
        {
            lock (gate)
            {
                return [.. returns];
            }
        }
    }

    public IReadOnlyList<FakeRefund> Refunds
    {
        get
        {
            lock (gate)
            {
                return [.. refunds];
            }
        }
    }

    /// <summary>
    /// Adds an order paid in full by one successful sale and fulfilled in one fulfillment with
    /// <paramref name="lines"/>.
    /// </summary>
    public FakeReturnableOrder AddFulfilledOrder(long orderId, string currency, decimal total,
        params (long LineItemId, int Quantity)[] lines)
    {
        lock (gate)
        {
            var order = new FakeReturnableOrder(orderId, currency, total)
            {
                SaleTransactionId = $"gid://shopify/OrderTransaction/{nextId++}",
            };
            order.Lines.AddRange(lines.Select(l =>
                new FakeFulfillmentLineItem($"gid://shopify/FulfillmentLineItem/{nextId++}", l.LineItemId, l.Quantity)));
            returnableOrders[orderId] = order;
            return order;
        }
    }

    /// <summary>Records a return made in the Shopify admin, which lowers the returnable units of the line item.</summary>
    public FakeReturn AddShopReturn(long orderId, long lineItemId, int quantity)
    {
        lock (gate)
        {
            var line = returnableOrders[orderId].Lines.First(l => l.LineItemId == lineItemId);
            var created = new FakeReturn($"gid://shopify/Return/{nextId++}", orderId, "OPEN",
                [new FakeReturnLine(line.Id, lineItemId, quantity, null)]);
            returns.Add(created);
            return created;
        }
    }

    internal (JsonObject Data, double ActualCost) GetReturnableOrder(JsonObject variables)
    {
        var orderId = NumericId(variables["orderId"]!.GetValue<string>());
        lock (gate)
        {
            if (orderId is null || !returnableOrders.TryGetValue(orderId.Value, out var order))
            {
                return (new JsonObject { ["order"] = null }, 1);
            }

            var fulfillment = new JsonObject
            {
                ["id"] = $"gid://shopify/Fulfillment/{order.Id}",
                ["fulfillmentLineItems"] = Connection(order.Lines.Select(line => new JsonObject
                {
                    ["id"] = line.Id,
                    ["quantity"] = line.Quantity,
                    ["lineItem"] = new JsonObject { ["id"] = $"gid://shopify/LineItem/{line.LineItemId}" },
                }), false, null),
            };
            var sale = new JsonObject
            {
                ["id"] = order.SaleTransactionId,
                ["kind"] = "SALE",
                ["status"] = "SUCCESS",
                ["gateway"] = SaleGateway,
            };

            // One point for the order, three for the fulfillment and its line item connection, two per line item and
            // one for the sale.
            var cost = 1 + 3 + (2 * order.Lines.Count) + 1;
            return (new JsonObject
            {
                ["order"] = new JsonObject
                {
                    ["id"] = $"gid://shopify/Order/{order.Id}",
                    ["fulfillments"] = new JsonArray(fulfillment),
                    ["transactions"] = new JsonArray(sale),
                },
            }, cost);
        }
    }

    /// <summary>
    /// Runs <c>returnRequest</c> (status REQUESTED) or <c>returnCreate</c> (status OPEN) like Shopify: the order
    /// must exist, and each line must name one of its fulfillment line items with at most the units not yet in a
    /// requested, open or closed return. A rejected request changes nothing.
    /// </summary>
    internal (JsonObject Data, string Outcome) OpenReturn(JsonObject variables, bool create)
    {
        var payloadName = create ? "returnCreate" : "returnRequest";
        var inputName = create ? "returnInput" : "input";
        var input = variables[inputName]!.AsObject();
        var orderId = NumericId(input["orderId"]!.GetValue<string>());
        lock (gate)
        {
            if (orderId is null || !returnableOrders.TryGetValue(orderId.Value, out var order))
            {
                return (ReturnError(payloadName, "NOT_FOUND", [inputName, "orderId"], "Order does not exist."),
                    "user-error");
            }

            var lines = new List<FakeReturnLine>();
            var items = input["returnLineItems"]!.AsArray();
            for (var index = 0; index < items.Count; index++)
            {
                var item = items[index]!;
                var field = new[] { inputName, "returnLineItems", index.ToString(CultureInfo.InvariantCulture) };
                var itemId = item["fulfillmentLineItemId"]!.GetValue<string>();
                var quantity = item["quantity"]!.GetValue<int>();
                var fulfilled = order.Lines.FirstOrDefault(l => l.Id == itemId);
                if (fulfilled is null)
                {
                    return (ReturnError(payloadName, "NOT_FOUND", [.. field, "fulfillmentLineItemId"],
                        "Fulfillment line item does not exist."), "user-error");
                }

                var returnable = fulfilled.Quantity - ReturnedUnits(itemId)
                    - lines.Where(l => l.FulfillmentLineItemId == itemId).Sum(l => l.Quantity);
                if (quantity <= 0 || quantity > returnable)
                {
                    return (ReturnError(payloadName, "INVALID", [.. field, "quantity"],
                        $"Quantity {quantity} is greater than the returnable quantity ({returnable})."), "user-error");
                }

                var note = create ? item["returnReasonNote"]?.GetValue<string>() : item["customerNote"]?.GetValue<string>();
                lines.Add(new FakeReturnLine(itemId, fulfilled.LineItemId, quantity, note));
            }

            var created = new FakeReturn($"gid://shopify/Return/{nextId++}", order.Id, create ? "OPEN" : "REQUESTED",
                lines)
            {
                NotifyCustomer = create ? input["notifyCustomer"]?.GetValue<bool>() : null,
            };
            returns.Add(created);
            return (ReturnReply(payloadName, created), "ok");
        }
    }

    /// <summary>
    /// Runs <c>returnApproveRequest</c>, <c>returnDeclineRequest</c> or <c>returnClose</c>: approve and decline need a
    /// REQUESTED return, close needs an OPEN one.
    /// </summary>
    internal (JsonObject Data, string Outcome) ChangeReturn(JsonObject variables, string payloadName)
    {
        var input = variables["input"] as JsonObject;
        var id = (input?["id"] ?? variables["id"])!.GetValue<string>();
        string[] field = input is null ? ["id"] : ["input", "id"];
        lock (gate)
        {
            var found = returns.FirstOrDefault(r => r.Id == id);
            if (found is null)
            {
                return (ReturnError(payloadName, "NOT_FOUND", field, "Return does not exist."), "user-error");
            }

            var (required, next) = payloadName switch
            {
                "returnApproveRequest" => ("REQUESTED", "OPEN"),
                "returnDeclineRequest" => ("REQUESTED", "DECLINED"),
                _ => ("OPEN", "CLOSED"),
            };
            if (found.Status != required)
            {
                return (ReturnError(payloadName, "INVALID_STATE", field,
                    $"Return is {found.Status.ToLowerInvariant()}; the mutation needs a {required.ToLowerInvariant()} return."),
                    "user-error");
            }

            if (payloadName == "returnDeclineRequest")
            {
                var reason = input!["declineReason"]!.GetValue<string>();
                if (reason is not ("RETURN_PERIOD_ENDED" or "FINAL_SALE" or "OTHER"))
                {
                    return (ReturnError(payloadName, "INVALID", ["input", "declineReason"],
                        $"Decline reason {reason} is not a ReturnDeclineReason value."), "user-error");
                }

                found.DeclineReason = reason;
                found.DeclineNote = input["declineNote"]?.GetValue<string>();
            }

            found.Status = next;
            return (ReturnReply(payloadName, found), "ok");
        }
    }

    /// <summary>
    /// Runs <c>refundCreate</c> with its idempotency key: a key seen before gets the first reply again and refunds
    /// nothing more. The parent must be the order's sale, and the amount at most what the order has left to refund.
    /// </summary>
    internal (JsonObject Data, string Outcome) CreateRefund(JsonObject variables, string idempotencyKey)
    {
        var input = variables["input"]!.AsObject();
        var orderId = NumericId(input["orderId"]!.GetValue<string>());
        lock (gate)
        {
            if (refundReplies.TryGetValue(idempotencyKey, out var replay))
            {
                return (replay.DeepClone().AsObject(), "replayed");
            }

            if (orderId is null || !returnableOrders.TryGetValue(orderId.Value, out var order))
            {
                return (RefundError(["orderId"], "Order does not exist."), "user-error");
            }

            var transaction = input["transactions"]!.AsArray().Single()!;
            var parentId = transaction["parentId"]!.GetValue<string>();
            if (parentId != order.SaleTransactionId)
            {
                return (RefundError(["transactions", "0", "parentId"], "Parent transaction does not exist."),
                    "user-error");
            }

            var amount = decimal.Parse(transaction["amount"]!.GetValue<string>(), NumberStyles.Number,
                CultureInfo.InvariantCulture);
            var refundable = order.Total - order.Refunded;
            if (amount <= 0 || amount > refundable)
            {
                return (RefundError(["transactions", "0", "amount"], string.Create(CultureInfo.InvariantCulture,
                    $"Refund amount {amount:0.00} is greater than the refundable amount {refundable:0.00}.")),
                    "user-error");
            }

            order.Refunded += amount;
            var refund = new FakeRefund($"gid://shopify/Refund/{nextId++}", order.Id, amount,
                input["currency"]?.GetValue<string>(), parentId, transaction["gateway"]?.GetValue<string>(),
                idempotencyKey);
            refunds.Add(refund);
            var reply = new JsonObject
            {
                ["refundCreate"] = new JsonObject
                {
                    ["refund"] = new JsonObject
                    {
                        ["id"] = refund.Id,
                        ["totalRefundedSet"] = new JsonObject
                        {
                            ["shopMoney"] = new JsonObject
                            {
                                ["amount"] = amount.ToString("0.00", CultureInfo.InvariantCulture),
                                ["currencyCode"] = order.Currency,
                            },
                        },
                    },
                    ["userErrors"] = new JsonArray(),
                },
            };
            refundReplies[idempotencyKey] = reply;
            return (reply.DeepClone().AsObject(), "ok");
        }
    }

    /// <summary>Units of a fulfillment line item in requested, open or closed returns.</summary>
    private int ReturnedUnits(string fulfillmentLineItemId) =>
        returns.Where(r => r.Status is "REQUESTED" or "OPEN" or "CLOSED")
            .SelectMany(r => r.Lines)
            .Where(l => l.FulfillmentLineItemId == fulfillmentLineItemId)
            .Sum(l => l.Quantity);

    private static JsonObject ReturnReply(string payloadName, FakeReturn found) => new()
    {
        [payloadName] = new JsonObject
        {
            ["return"] = new JsonObject { ["id"] = found.Id, ["status"] = found.Status },
            ["userErrors"] = new JsonArray(),
        },
    };

    private static JsonObject ReturnError(string payloadName, string code, string[] field, string message) => new()
    {
        [payloadName] = new JsonObject
        {
            ["return"] = null,
            ["userErrors"] = new JsonArray(new JsonObject
            {
                ["code"] = code,
                ["field"] = new JsonArray(field.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray()),
                ["message"] = message,
            }),
        },
    };

    private static JsonObject RefundError(string[] field, string message) => new()
    {
        ["refundCreate"] = new JsonObject
        {
            ["refund"] = null,
            ["userErrors"] = new JsonArray(new JsonObject
            {
                ["field"] = new JsonArray(field.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray()),
                ["message"] = message,
            }),
        },
    };
}
