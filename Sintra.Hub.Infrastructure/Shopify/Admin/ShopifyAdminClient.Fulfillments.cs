namespace Sintra.Hub.Infrastructure.Shopify.Admin;

public sealed partial class ShopifyAdminClient
{
    /// <summary>Fulfillment orders read per order, and line items per fulfillment order.</summary>
    private const int FulfillmentOrdersFirst = 5;
    private const int FulfillmentOrderLinesFirst = 50;

    /// <summary>
    /// Reads an order's fulfillment orders with their line items and remaining quantities. Returns an empty list when
    /// the order does not exist. NOTE: an order with more than 5 fulfillment orders, or a fulfillment order with more
    /// than 50 line items, is read only in part, which keeps the query under Shopify's single-query cost limit.
    /// </summary>
    public async Task<ShopifyResult<IReadOnlyList<ShopifyFulfillmentOrder>>> GetFulfillmentOrdersAsync(
        long orderId, CancellationToken cancellationToken = default)
    {
        var variables = new Dictionary<string, object?>
        {
            ["orderId"] = ShopifyFulfillmentDocuments.OrderGid(orderId),
            ["first"] = FulfillmentOrdersFirst,
            ["lineItemsFirst"] = FulfillmentOrderLinesFirst,
        };
        var request = new GraphQlRequest(ShopifyFulfillmentDocuments.GetFulfillmentOrders, variables,
            ShopifyFulfillmentDocuments.GetFulfillmentOrdersOperation);
        var estimate = 3 + (FulfillmentOrdersFirst * (5 + (2 * FulfillmentOrderLinesFirst)));
        var page = await QueryAsync<FulfillmentOrdersData>(request, estimate, cancellationToken);
        if (page.Error is not null)
        {
            return ShopifyResult<IReadOnlyList<ShopifyFulfillmentOrder>>.Failure(page.Error);
        }

        var orders = (page.Value!.Order?.FulfillmentOrders.Nodes ?? []).Select(node => new ShopifyFulfillmentOrder(
            node.Id,
            node.Status,
            node.AssignedLocation?.Location?.Id,
            node.LineItems.Nodes.Select(line => new ShopifyFulfillmentOrderLine(
                line.Id, line.LineItem.Id, line.RemainingQuantity)).ToList())).ToList();
        return ShopifyResult<IReadOnlyList<ShopifyFulfillmentOrder>>.Success(orders);
    }

    /// <summary>
    /// Creates a fulfillment with <c>fulfillmentCreate</c>, without notifying the customer. The mutation is sent
    /// once, without a retry after a 5xx or a timeout, because a retry could create a second fulfillment.
    /// </summary>
    public async Task<ShopifyResult<ShopifyMutationOutcome>> CreateFulfillmentAsync(
        ShopifyFulfillmentRequest fulfillment, CancellationToken cancellationToken = default)
    {
        var input = new Dictionary<string, object?>
        {
            ["lineItemsByFulfillmentOrder"] = fulfillment.Lines
                .GroupBy(line => line.FulfillmentOrderId, StringComparer.Ordinal)
                .Select(group => new Dictionary<string, object?>
                {
                    ["fulfillmentOrderId"] = group.Key,
                    ["fulfillmentOrderLineItems"] = group.Select(line => new Dictionary<string, object?>
                    {
                        ["id"] = line.FulfillmentOrderLineItemId,
                        ["quantity"] = line.Quantity,
                    }).ToList(),
                }).ToList(),
            ["trackingInfo"] = new Dictionary<string, object?>
            {
                ["company"] = fulfillment.TrackingCompany,
                ["number"] = fulfillment.TrackingNumber,
                ["url"] = fulfillment.TrackingUrl,
            },
            ["notifyCustomer"] = false,
        };
        var request = new GraphQlRequest(ShopifyFulfillmentDocuments.CreateFulfillment,
            new Dictionary<string, object?> { ["fulfillment"] = input },
            ShopifyFulfillmentDocuments.CreateFulfillmentOperation);
        var response = await SendAsync(request, 10, retrySafe: false, cancellationToken);
        var data = ReadData<FulfillmentCreateData>(request.OperationName, response);
        if (data.Error is not null)
        {
            return ShopifyResult<ShopifyMutationOutcome>.Failure(data.Error);
        }

        var payload = data.Value!.FulfillmentCreate;
        return payload is null
            ? ShopifyResult<ShopifyMutationOutcome>.Failure(new ShopifyAdminError(ShopifyAdminErrorKind.InvalidResponse,
                "the response has no fulfillmentCreate payload"))
            : ShopifyResult<ShopifyMutationOutcome>.Success(
                new ShopifyMutationOutcome(payload.Fulfillment?.Id, payload.UserErrors ?? []));
    }

    /// <summary>
    /// Cancels an order with <c>orderCancel</c>: never restocks, because the hub owns the stock, and never notifies
    /// the customer. Shopify cancels in a background job, whose id the outcome carries.
    /// </summary>
    public async Task<ShopifyResult<ShopifyMutationOutcome>> CancelOrderAsync(long orderId, string reason,
        bool refund, string? staffNote, CancellationToken cancellationToken = default)
    {
        var variables = new Dictionary<string, object?>
        {
            ["orderId"] = ShopifyFulfillmentDocuments.OrderGid(orderId),
            ["reason"] = reason,
            ["refundMethod"] = new Dictionary<string, object?> { ["originalPaymentMethodsRefund"] = refund },
            ["restock"] = false,
            ["notifyCustomer"] = false,
            ["staffNote"] = staffNote,
        };
        var request = new GraphQlRequest(ShopifyFulfillmentDocuments.CancelOrder, variables,
            ShopifyFulfillmentDocuments.CancelOrderOperation);
        var response = await SendAsync(request, 10, retrySafe: false, cancellationToken);
        var data = ReadData<OrderCancelData>(request.OperationName, response);
        if (data.Error is not null)
        {
            return ShopifyResult<ShopifyMutationOutcome>.Failure(data.Error);
        }

        var payload = data.Value!.OrderCancel;
        return payload is null
            ? ShopifyResult<ShopifyMutationOutcome>.Failure(new ShopifyAdminError(ShopifyAdminErrorKind.InvalidResponse,
                "the response has no orderCancel payload"))
            : ShopifyResult<ShopifyMutationOutcome>.Success(
                new ShopifyMutationOutcome(payload.Job?.Id, payload.OrderCancelUserErrors ?? []));
    }
}

/// <summary>A fulfillment order: the units of an order that one location is to fulfill.</summary>
/// <param name="Status">Shopify's status, for example OPEN, IN_PROGRESS, CLOSED or ON_HOLD.</param>
public sealed record ShopifyFulfillmentOrder(string Id, string Status, string? LocationId,
    IReadOnlyList<ShopifyFulfillmentOrderLine> Lines)
{
    /// <summary>True when Shopify accepts a fulfillment of it: OPEN or IN_PROGRESS.</summary>
    public bool CanFulfill => Status is "OPEN" or "IN_PROGRESS";
}

/// <summary>A fulfillment order line item, with the order line item it stands for.</summary>
public sealed record ShopifyFulfillmentOrderLine(string Id, string LineItemId, int RemainingQuantity);

/// <summary>The fulfillment order line items and units of a fulfillment, with tracking.</summary>
public sealed record ShopifyFulfillmentRequest(IReadOnlyList<ShopifyFulfillmentLine> Lines,
    string? TrackingCompany, string? TrackingNumber, string? TrackingUrl);

public sealed record ShopifyFulfillmentLine(string FulfillmentOrderId, string FulfillmentOrderLineItemId, int Quantity);

/// <summary>The id a mutation created (a fulfillment, a job), or the user errors that rejected it.</summary>
public sealed record ShopifyMutationOutcome(string? Id, IReadOnlyList<ShopifyUserError> UserErrors)
{
    public bool Applied => UserErrors.Count == 0;
}

internal sealed record FulfillmentOrdersData(FulfillmentOrdersOrderNode? Order);

internal sealed record FulfillmentOrdersOrderNode(string Id, Connection<FulfillmentOrderNode> FulfillmentOrders);

internal sealed record FulfillmentOrderNode(string Id, string Status, AssignedLocationNode? AssignedLocation,
    Connection<FulfillmentOrderLineNode> LineItems);

internal sealed record AssignedLocationNode(IdRef? Location);

internal sealed record FulfillmentOrderLineNode(string Id, int RemainingQuantity, IdRef LineItem);

internal sealed record FulfillmentCreateData(FulfillmentCreatePayload? FulfillmentCreate);

internal sealed record FulfillmentCreatePayload(IdRef? Fulfillment, IReadOnlyList<ShopifyUserError>? UserErrors);

internal sealed record OrderCancelData(OrderCancelPayload? OrderCancel);

internal sealed record OrderCancelPayload(IdRef? Job, IReadOnlyList<ShopifyUserError>? OrderCancelUserErrors);
