using System.Globalization;

namespace Sintra.Hub.Infrastructure.Shopify.Admin;

/// <summary>
/// GraphQL documents of the order workflow, written against the Admin API 2026-04 reference. The operation names are
/// part of the contract with the test server, which dispatches on them.
/// </summary>
public static class ShopifyFulfillmentDocuments
{
    public const string GetFulfillmentOrdersOperation = "GetFulfillmentOrders";
    public const string CreateFulfillmentOperation = "CreateFulfillment";
    public const string CancelOrderOperation = "CancelOrder";

    public const string GetFulfillmentOrders = """
        query GetFulfillmentOrders($orderId: ID!, $first: Int!, $lineItemsFirst: Int!) {
          order(id: $orderId) {
            id
            fulfillmentOrders(first: $first) {
              nodes {
                id
                status
                assignedLocation { location { id } }
                lineItems(first: $lineItemsFirst) {
                  nodes { id remainingQuantity lineItem { id } }
                  pageInfo { hasNextPage endCursor }
                }
              }
              pageInfo { hasNextPage endCursor }
            }
          }
        }
        """;

    public const string CreateFulfillment = """
        mutation CreateFulfillment($fulfillment: FulfillmentInput!) {
          fulfillmentCreate(fulfillment: $fulfillment) {
            fulfillment { id status trackingInfo { company number url } }
            userErrors { field message }
          }
        }
        """;

    public const string CancelOrder = """
        mutation CancelOrder($orderId: ID!, $reason: OrderCancelReason!, $refundMethod: OrderCancelRefundMethodInput,
            $restock: Boolean!, $notifyCustomer: Boolean, $staffNote: String) {
          orderCancel(orderId: $orderId, reason: $reason, refundMethod: $refundMethod, restock: $restock,
              notifyCustomer: $notifyCustomer, staffNote: $staffNote) {
            job { id done }
            orderCancelUserErrors { code field message }
          }
        }
        """;

    public static string OrderGid(long orderId) =>
        "gid://shopify/Order/" + orderId.ToString(CultureInfo.InvariantCulture);

    public static string LineItemGid(long lineItemId) =>
        "gid://shopify/LineItem/" + lineItemId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Returns the numeric id at the end of a global id such as <c>gid://shopify/Fulfillment/42</c>.</summary>
    public static long? NumericId(string? gid)
    {
        var tail = gid?[(gid.LastIndexOf('/') + 1)..];
        return long.TryParse(tail, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}
