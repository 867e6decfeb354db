using Sintra.Hub.Core.Identity;

namespace Sintra.Hub.Web.Components.Pages.Pim;

/// <summary>Roles of the catalog editing pages: Operators edit products, only Admins change the catalog settings.</summary>
public static class PimRoles
{
    public const string Edit = HubRoles.Admin + "," + HubRoles.Operator;

    public const string Settings = HubRoles.Admin;
}
