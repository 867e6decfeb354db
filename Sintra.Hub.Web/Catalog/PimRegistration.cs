using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Infrastructure.Catalog;
using Sintra.Hub.Web.Identity;

namespace Sintra.Hub.Web.Catalog;

/// <summary>Catalog editing, versions, completeness and exports: services and the export endpoints.</summary>
public static class PimRegistration
{
    public static void AddProductInformation(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CatalogOptions>()
            .Bind(builder.Configuration.GetSection(CatalogOptions.SectionName))
            .Validate(o => o.AllLocales().Count > 0, "Catalog:DefaultLocale is empty. Set it to a language tag such as it.")
            .ValidateOnStart();
        builder.Services.AddProductInformation();
    }

    /// <summary>
    /// Maps <c>GET /catalog/export/shopify.csv</c> (Shopify's product CSV layout) and <c>GET /catalog/export/hub.csv</c>
    /// (the hub's layout). Both stream the file as they read the catalog.
    /// </summary>
    public static void MapCatalogExport(this WebApplication app)
    {
        var roles = PageRoles.ProductsView.Split(',');
        app.MapGet("/catalog/export/shopify.csv", (ShopifyCsvExporter exporter, TimeProvider clock, CancellationToken cancellationToken) =>
                Stream($"products-shopify-{Stamp(clock)}.csv", (writer, token) => exporter.WriteAsync(writer, token), cancellationToken))
            .RequireAuthorization(policy => policy.RequireRole(roles));
        app.MapGet("/catalog/export/hub.csv", (HubCsvExporter exporter, TimeProvider clock, CancellationToken cancellationToken) =>
                Stream($"products-hub-{Stamp(clock)}.csv", (writer, token) => exporter.WriteAsync(writer, token), cancellationToken))
            .RequireAuthorization(policy => policy.RequireRole(roles));
    }

    private static IResult Stream(string fileName, Func<TextWriter, CancellationToken, Task> write, CancellationToken cancellationToken) =>
        TypedResults.Stream(
            async body =>
            {
                // UTF-8 with a byte order mark, so that Excel opens accented text correctly.
                await using var writer = new StreamWriter(body, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024);
                await write(writer, cancellationToken);
                await writer.FlushAsync(cancellationToken);
            },
            "text/csv; charset=utf-8",
            fileName);

    private static string Stamp(TimeProvider clock) => clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
}
