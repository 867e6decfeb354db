using Sintra.Hub.Core.Identity;

namespace Sintra.Hub.Web.Identity;

/// <summary>
/// Comma-separated role lists for <c>[Authorize(Roles = ...)]</c> on pages, and the same lists for the navigation.
/// Admin opens everything; Operator works on orders, the catalog and the inbox; Warehouse on stock and imports.
/// </summary>
public static class PageRoles
{
    public const string Orders = HubRoles.Admin + "," + HubRoles.Operator;

    /// <summary>The fulfillment queue, pick lists, packing slips and shipping.</summary>
    public const string Fulfillment = HubRoles.Admin + "," + HubRoles.Operator + "," + HubRoles.Warehouse;

    public const string ProductsView = HubRoles.Admin + "," + HubRoles.Operator + "," + HubRoles.Warehouse;

    public const string ProductImport = HubRoles.Admin + "," + HubRoles.Operator + "," + HubRoles.Warehouse;

    /// <summary>Everyone may see the warehouses, because orders and stock name them; only Admin edits them.</summary>
    public const string Warehouses = HubRoles.Admin + "," + HubRoles.Operator + "," + HubRoles.Warehouse;

    public const string Channels = HubRoles.Admin;

    /// <summary>The asset library and the image links of products.</summary>
    public const string Assets = HubRoles.Admin + "," + HubRoles.Operator;

    public const string Inbox = HubRoles.Admin + "," + HubRoles.Operator;

    /// <summary>The shortfall and stock check lists.</summary>
    public const string Stock = HubRoles.Admin + "," + HubRoles.Operator + "," + HubRoles.Warehouse;

    /// <summary>Manual adjustments, transfers and moves to unavailable.</summary>
    public const string StockOperations = HubRoles.Admin + "," + HubRoles.Warehouse;

    /// <summary>Repairs of stock check issues, which write correction movements.</summary>
    public const string StockRepair = HubRoles.Admin;
}
