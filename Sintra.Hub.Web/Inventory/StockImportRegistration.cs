using System.ComponentModel.DataAnnotations;
using System.Text;
using Sintra.Hub.Core.Identity;
using Sintra.Hub.Infrastructure.Inventory.Import;
using Sintra.Hub.Web.Configuration;

namespace Sintra.Hub.Web.Inventory;

public static class StockImportRegistration
{
    /// <summary>Roles that may open the stock import and profile pages.</summary>
    public const string PageRoles = HubRoles.Admin + "," + HubRoles.Warehouse;

    /// <summary>Registers the stock file import, its options, its upload folder and its background queue.</summary>
    public static void AddStockImportPages(this WebApplicationBuilder builder)
    {
        // Windows-1252 files need the legacy code pages, which .NET leaves out by default.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        builder.Services.AddOptions<StockImportOptions>()
            .Bind(builder.Configuration.GetSection(StockImportOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var hub = builder.Configuration.GetSection(HubOptions.SectionName).Get<HubOptions>() ?? new HubOptions();
        var stock = builder.Configuration.GetSection(StockImportOptions.SectionName).Get<StockImportOptions>()
            ?? new StockImportOptions();
        var dataFolder = Path.GetFullPath(hub.DataFolder, builder.Environment.ContentRootPath);
        builder.Services.AddStockImport(Path.Combine(dataFolder, stock.UploadFolder));
        builder.Services.AddScoped<StockImportMessages>();
        builder.Services.AddLocalization();
    }
}

/// <summary>The <c>StockImport</c> section: limits and folder of stock file uploads.</summary>
public sealed class StockImportOptions
{
    public const string SectionName = "StockImport";

    /// <summary>Maximum size of an uploaded stock file, in bytes. The default is 50 MB.</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Folder of uploaded files until their import finishes, relative to the hub's data folder.</summary>
    [Required]
    public string UploadFolder { get; set; } = "stock-imports";
}
