namespace Sintra.Hub.Web.Webhooks;

public static class WebhookRegistration
{
    public static void AddOrderIngestion(this WebApplicationBuilder builder)
    {
    }

    public static void MapShopifyWebhooks(this WebApplication app)
    {
    }
}
