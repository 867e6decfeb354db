using Sintra.Hub.Infrastructure.Exchange;

namespace Sintra.Hub.Web.Exchange;

public static class ExchangeRegistration
{
    /// <summary>
    /// Registers partner file exchange, flow scheduling and run history. The shipments-in flow needs the
    /// <c>IOrderShipping</c> that order fulfillment registers.
    /// </summary>
    public static void AddExchangePages(this WebApplicationBuilder builder)
    {
        builder.Services.AddExchange(builder.Configuration);
    }
}
