using Microsoft.AspNetCore.Identity;

namespace Sintra.Hub.Core.Identity;

/// <summary>A member of the merchant's staff who signs in to the dashboards.</summary>
public class HubUser : IdentityUser
{
    public string? DisplayName { get; set; }

    /// <summary>UI culture the user chose, for example <c>it</c> or <c>en</c>.</summary>
    public string? Culture { get; set; }
}

/// <summary>Role names; each decides which pages and actions a user may open.</summary>
public static class HubRoles
{
    /// <summary>Settings, users and channels, and everything else.</summary>
    public const string Admin = "Admin";

    /// <summary>Orders, catalog and returns.</summary>
    public const string Operator = "Operator";

    /// <summary>Stock, fulfillment and imports.</summary>
    public const string Warehouse = "Warehouse";

    public static readonly IReadOnlyList<string> All = [Admin, Operator, Warehouse];
}
