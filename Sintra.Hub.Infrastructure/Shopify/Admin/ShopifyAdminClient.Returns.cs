using System.Globalization;

namespace Sintra.Hub.Infrastructure.Shopify.Admin;

public sealed partial class ShopifyAdminClient
{
    /// <summary>Fulfillments and transactions read per order, and line items per fulfillment.</summary>
    private const int ReturnableFulfillmentsFirst = 5;
    private const int ReturnableLinesFirst = 50;

    /// <summary>
    /// Reads an order's fulfillment line items and its transactions. Returns null when the order does not exist.
    /// NOTE: only the first 5 fulfillments and transactions and 50 line items per fulfillment are read, which keeps
    /// the query under Shopify's single-query cost limit.
    /// </summary>
    public async Task<ShopifyResult<ShopifyReturnableOrder?>> GetReturnableOrderAsync(
        long orderId, CancellationToken cancellationToken = default)
    {
        var variables = new Dictionary<string, object?>
        {
            ["orderId"] = ShopifyFulfillmentDocuments.OrderGid(orderId),
            ["first"] = ReturnableFulfillmentsFirst,
            ["lineItemsFirst"] = ReturnableLinesFirst,
        };
        var request = new GraphQlRequest(ShopifyReturnDocuments.GetReturnableOrder, variables,
            ShopifyReturnDocuments.GetReturnableOrderOperation);
        var estimate = 1 + (ReturnableFulfillmentsFirst * (4 + (2 * ReturnableLinesFirst)));
        var page = await QueryAsync<ReturnableOrderData>(request, estimate, cancellationToken);
        if (page.Error is not null)
        {
            return ShopifyResult<ShopifyReturnableOrder?>.Failure(page.Error);
        }

        if (page.Value!.Order is not { } order)
        {
            return ShopifyResult<ShopifyReturnableOrder?>.Success(null);
        }

        var lines = order.Fulfillments.SelectMany(f => f.FulfillmentLineItems.Nodes)
            .Select(l => new ShopifyFulfillmentLineItem(l.Id, l.LineItem.Id, l.Quantity)).ToList();
        var transactions = order.Transactions
            .Select(t => new ShopifyOrderTransaction(t.Id, t.Kind, t.Status, t.Gateway)).ToList();
        return ShopifyResult<ShopifyReturnableOrder?>.Success(new ShopifyReturnableOrder(lines, transactions));
    }

    /// <summary>Records a customer's return request with <c>returnRequest</c>. Shopify sets its status to REQUESTED.</summary>
    public Task<ShopifyResult<ShopifyMutationOutcome>> RequestReturnAsync(
        ShopifyReturnInput input, CancellationToken cancellationToken = default)
    {
        var variables = new Dictionary<string, object?>
        {
            ["input"] = new Dictionary<string, object?>
            {
                ["orderId"] = ShopifyFulfillmentDocuments.OrderGid(input.OrderId),
                ["returnLineItems"] = input.Lines.Select(line => new Dictionary<string, object?>
                {
                    ["fulfillmentLineItemId"] = line.FulfillmentLineItemId,
                    ["quantity"] = line.Quantity,
                    ["customerNote"] = line.Note,
                }).ToList(),
            },
        };
        return SendReturnMutationAsync<ReturnRequestData>(
            new GraphQlRequest(ShopifyReturnDocuments.RequestReturn, variables,
                ShopifyReturnDocuments.RequestReturnOperation),
            data => data.ReturnRequest, "returnRequest", cancellationToken);
    }

    /// <summary>Creates a return that is already open with <c>returnCreate</c>, without notifying the customer.</summary>
    public Task<ShopifyResult<ShopifyMutationOutcome>> CreateReturnAsync(
        ShopifyReturnInput input, CancellationToken cancellationToken = default)
    {
        var variables = new Dictionary<string, object?>
        {
            ["returnInput"] = new Dictionary<string, object?>
            {
                ["orderId"] = ShopifyFulfillmentDocuments.OrderGid(input.OrderId),
                ["returnLineItems"] = input.Lines.Select(line => new Dictionary<string, object?>
                {
                    ["fulfillmentLineItemId"] = line.FulfillmentLineItemId,
                    ["quantity"] = line.Quantity,
                    ["returnReasonNote"] = line.Note,
                }).ToList(),
                ["notifyCustomer"] = false,
            },
        };
        return SendReturnMutationAsync<ReturnCreateData>(
            new GraphQlRequest(ShopifyReturnDocuments.CreateReturn, variables,
                ShopifyReturnDocuments.CreateReturnOperation),
            data => data.ReturnCreate, "returnCreate", cancellationToken);
    }

    /// <summary>Approves a requested return with <c>returnApproveRequest</c>, without notifying the customer.</summary>
    public Task<ShopifyResult<ShopifyMutationOutcome>> ApproveReturnAsync(
        long returnId, CancellationToken cancellationToken = default)
    {
        var variables = new Dictionary<string, object?>
        {
            ["input"] = new Dictionary<string, object?>
            {
                ["id"] = ShopifyReturnDocuments.ReturnGid(returnId),
                ["notifyCustomer"] = false,
            },
        };
        return SendReturnMutationAsync<ReturnApproveData>(
            new GraphQlRequest(ShopifyReturnDocuments.ApproveReturn, variables,
                ShopifyReturnDocuments.ApproveReturnOperation),
            data => data.ReturnApproveRequest, "returnApproveRequest", cancellationToken);
    }

    /// <summary>
    /// Declines a requested return with <c>returnDeclineRequest</c>. <paramref name="reason"/> is a
    /// <c>ReturnDeclineReason</c> value: RETURN_PERIOD_ENDED, FINAL_SALE or OTHER.
    /// </summary>
    public Task<ShopifyResult<ShopifyMutationOutcome>> DeclineReturnAsync(
        long returnId, string reason, string? note, CancellationToken cancellationToken = default)
    {
        var variables = new Dictionary<string, object?>
        {
            ["input"] = new Dictionary<string, object?>
            {
                ["id"] = ShopifyReturnDocuments.ReturnGid(returnId),
                ["declineReason"] = reason,
                ["declineNote"] = note,
                ["notifyCustomer"] = false,
            },
        };
        return SendReturnMutationAsync<ReturnDeclineData>(
            new GraphQlRequest(ShopifyReturnDocuments.DeclineReturn, variables,
                ShopifyReturnDocuments.DeclineReturnOperation),
            data => data.ReturnDeclineRequest, "returnDeclineRequest", cancellationToken);
    }

    public Task<ShopifyResult<ShopifyMutationOutcome>> CloseReturnAsync(
        long returnId, CancellationToken cancellationToken = default)
    {
        var variables = new Dictionary<string, object?> { ["id"] = ShopifyReturnDocuments.ReturnGid(returnId) };
        return SendReturnMutationAsync<ReturnCloseData>(
            new GraphQlRequest(ShopifyReturnDocuments.CloseReturn, variables,
                ShopifyReturnDocuments.CloseReturnOperation),
            data => data.ReturnClose, "returnClose", cancellationToken);
    }

    /// <summary>
    /// Refunds money to the order's original payment with <c>refundCreate</c>. The idempotency key lets Shopify apply
    /// the refund once even when a timeout or a 5xx makes the client, or a later outbox attempt, send it again.
    /// </summary>
    public async Task<ShopifyResult<ShopifyMutationOutcome>> CreateRefundAsync(
        ShopifyRefundRequest refund, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(refund.IdempotencyKey);
        var orderGid = ShopifyFulfillmentDocuments.OrderGid(refund.OrderId);
        var input = new Dictionary<string, object?>
        {
            ["orderId"] = orderGid,
            ["currency"] = refund.Currency,
            ["note"] = refund.Note,
            ["notify"] = false,
            ["transactions"] = new List<Dictionary<string, object?>>
            {
                new()
                {
                    ["orderId"] = orderGid,
                    ["parentId"] = refund.ParentTransactionId,
                    ["gateway"] = refund.Gateway,
                    ["kind"] = "REFUND",
                    ["amount"] = refund.Amount.ToString("0.00##", CultureInfo.InvariantCulture),
                },
            },
        };
        var request = new GraphQlRequest(ShopifyReturnDocuments.CreateRefund,
            new Dictionary<string, object?> { ["input"] = input, ["idempotencyKey"] = refund.IdempotencyKey },
            ShopifyReturnDocuments.CreateRefundOperation);
        var response = await SendAsync(request, 10, retrySafe: true, cancellationToken);
        var data = ReadData<RefundCreateData>(request.OperationName, response);
        if (data.Error is not null)
        {
            return ShopifyResult<ShopifyMutationOutcome>.Failure(data.Error);
        }

        var payload = data.Value!.RefundCreate;
        return payload is null
            ? ShopifyResult<ShopifyMutationOutcome>.Failure(new ShopifyAdminError(ShopifyAdminErrorKind.InvalidResponse,
                "the response has no refundCreate payload"))
            : ShopifyResult<ShopifyMutationOutcome>.Success(
                new ShopifyMutationOutcome(payload.Refund?.Id, payload.UserErrors ?? []));
    }

    /// <summary>
    /// Sends a return mutation once. These mutations take no idempotency key, so a 5xx or a timeout is not retried
    /// here. The outbox retries the row later.
    /// </summary>
    private async Task<ShopifyResult<ShopifyMutationOutcome>> SendReturnMutationAsync<TData>(
        GraphQlRequest request, Func<TData, ReturnMutationPayload?> select, string payloadName,
        CancellationToken cancellationToken)
        where TData : class
    {
        var response = await SendAsync(request, 10, retrySafe: false, cancellationToken);
        var data = ReadData<TData>(request.OperationName, response);
        if (data.Error is not null)
        {
            return ShopifyResult<ShopifyMutationOutcome>.Failure(data.Error);
        }

        var payload = select(data.Value!);
        return payload is null
            ? ShopifyResult<ShopifyMutationOutcome>.Failure(new ShopifyAdminError(ShopifyAdminErrorKind.InvalidResponse,
                $"the response has no {payloadName} payload"))
            : ShopifyResult<ShopifyMutationOutcome>.Success(
                new ShopifyMutationOutcome(payload.Return?.Id, payload.UserErrors ?? []));
    }
}

/// <summary>An order's fulfillment line items and transactions, as far as a return and its refund need them.</summary>
public sealed record ShopifyReturnableOrder(
    IReadOnlyList<ShopifyFulfillmentLineItem> Lines, IReadOnlyList<ShopifyOrderTransaction> Transactions);

/// <summary>Units of an order line item in one fulfillment.</summary>
public sealed record ShopifyFulfillmentLineItem(string Id, string LineItemId, int Quantity);

/// <summary>A payment transaction of an order, with Shopify's kind (SALE, CAPTURE, ...) and status names.</summary>
public sealed record ShopifyOrderTransaction(string Id, string Kind, string Status, string? Gateway);

/// <summary>The order and fulfillment line items of a return to request or create.</summary>
public sealed record ShopifyReturnInput(long OrderId, IReadOnlyList<ShopifyReturnLineInput> Lines);

/// <param name="Note">The customer's note on a requested return, or the reason note on a created one.</param>
public sealed record ShopifyReturnLineInput(string FulfillmentLineItemId, int Quantity, string? Note);

/// <summary>A refund of <paramref name="Amount"/> to one sale or capture transaction of an order.</summary>
public sealed record ShopifyRefundRequest(long OrderId, decimal Amount, string Currency, string ParentTransactionId,
    string? Gateway, string? Note, string IdempotencyKey);

internal sealed record ReturnableOrderData(ReturnableOrderNode? Order);

internal sealed record ReturnableOrderNode(string Id, IReadOnlyList<ReturnableFulfillmentNode> Fulfillments,
    IReadOnlyList<OrderTransactionNode> Transactions);

internal sealed record ReturnableFulfillmentNode(string Id, Connection<FulfillmentLineItemNode> FulfillmentLineItems);

internal sealed record FulfillmentLineItemNode(string Id, int Quantity, IdRef LineItem);

internal sealed record OrderTransactionNode(string Id, string Kind, string Status, string? Gateway);

internal sealed record ReturnMutationPayload(IdRef? Return, IReadOnlyList<ShopifyUserError>? UserErrors);

internal sealed record ReturnRequestData(ReturnMutationPayload? ReturnRequest);

internal sealed record ReturnCreateData(ReturnMutationPayload? ReturnCreate);

internal sealed record ReturnApproveData(ReturnMutationPayload? ReturnApproveRequest);

internal sealed record ReturnDeclineData(ReturnMutationPayload? ReturnDeclineRequest);

internal sealed record ReturnCloseData(ReturnMutationPayload? ReturnClose);

internal sealed record RefundCreateData(RefundCreatePayload? RefundCreate);

internal sealed record RefundCreatePayload(IdRef? Refund, IReadOnlyList<ShopifyUserError>? UserErrors);
