namespace Sintra.Hub.Infrastructure.Shopify;

/// <summary>The webhook topics the hub processes; other topics are stored and marked ignored.</summary>
public static class ShopifyTopics
{
    public const string Source = "shopify";

    public const string OrdersCreate = "orders/create";

    public const string OrdersUpdated = "orders/updated";

    public const string OrdersPaid = "orders/paid";

    public const string OrdersCancelled = "orders/cancelled";

    public const string RefundsCreate = "refunds/create";

    public const string FulfillmentsCreate = "fulfillments/create";

    public const string OrdersEdited = "orders/edited";

    public static bool IsOrderTopic(string topic) =>
        topic is OrdersCreate or OrdersUpdated or OrdersPaid or OrdersCancelled;
}
