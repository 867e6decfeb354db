namespace Sintra.Hub.Infrastructure.Shopify.Admin;

/// <summary>
/// GraphQL documents of the returns push, written against the Admin API 2026-04 reference. The operation names are
/// part of the contract with the test server, which dispatches on them.
/// </summary>
public static class ShopifyReturnDocuments
{
    public const string GetReturnableOrderOperation = "GetReturnableOrder";
    public const string RequestReturnOperation = "RequestReturn";
    public const string CreateReturnOperation = "CreateReturn";
    public const string ApproveReturnOperation = "ApproveReturn";
    public const string DeclineReturnOperation = "DeclineReturn";
    public const string CloseReturnOperation = "CloseReturn";
    public const string CreateRefundOperation = "CreateRefund";

    /// <summary>
    /// Reads the fulfillment line items that a return names, and the sale or capture transactions that a refund
    /// goes back to.
    /// </summary>
    public const string GetReturnableOrder = """
        query GetReturnableOrder($orderId: ID!, $first: Int!, $lineItemsFirst: Int!) {
          order(id: $orderId) {
            id
            fulfillments(first: $first) {
              id
              fulfillmentLineItems(first: $lineItemsFirst) {
                nodes { id quantity lineItem { id } }
                pageInfo { hasNextPage endCursor }
              }
            }
            transactions(first: $first) { id kind status gateway }
          }
        }
        """;

    public const string RequestReturn = """
        mutation RequestReturn($input: ReturnRequestInput!) {
          returnRequest(input: $input) {
            return { id status }
            userErrors { code field message }
          }
        }
        """;

    public const string CreateReturn = """
        mutation CreateReturn($returnInput: ReturnInput!) {
          returnCreate(returnInput: $returnInput) {
            return { id status }
            userErrors { code field message }
          }
        }
        """;

    public const string ApproveReturn = """
        mutation ApproveReturn($input: ReturnApproveRequestInput!) {
          returnApproveRequest(input: $input) {
            return { id status }
            userErrors { code field message }
          }
        }
        """;

    public const string DeclineReturn = """
        mutation DeclineReturn($input: ReturnDeclineRequestInput!) {
          returnDeclineRequest(input: $input) {
            return { id status }
            userErrors { code field message }
          }
        }
        """;

    public const string CloseReturn = """
        mutation CloseReturn($id: ID!) {
          returnClose(id: $id) {
            return { id status }
            userErrors { code field message }
          }
        }
        """;

    // NOTE: the transaction input (orderId, parentId, gateway, kind, amount) has not been tried against a real shop;
    // only the test server, which models a single sale, checks it.
    public const string CreateRefund = """
        mutation CreateRefund($input: RefundInput!, $idempotencyKey: String!) {
          refundCreate(input: $input) @idempotent(key: $idempotencyKey) {
            refund { id totalRefundedSet { shopMoney { amount currencyCode } } }
            userErrors { field message }
          }
        }
        """;

    public static string ReturnGid(long returnId) =>
        "gid://shopify/Return/" + returnId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
