using Sintra.Hub.Core.Identity;
using Sintra.Hub.Infrastructure.Exchange;

namespace Sintra.Hub.Web.Exchange;

public static class ExchangeRegistration
{
    /// <summary>Partners, endpoints, CSV profiles and flows hold credentials, so only Admin opens them.</summary>
    public const string SettingsRoles = HubRoles.Admin;

    /// <summary>The jobs dashboard: Admin runs, pauses and resumes; Warehouse reads.</summary>
    public const string JobsRoles = HubRoles.Admin + "," + HubRoles.Warehouse;

    /// <summary>
    /// Registers partner file exchange, flow scheduling and run history. The shipments-in flow needs the
    /// <c>IOrderShipping</c> that order fulfillment registers.
    /// </summary>
    public static void AddExchangePages(this WebApplicationBuilder builder)
    {
        builder.Services.AddExchange(builder.Configuration);
    }
}
