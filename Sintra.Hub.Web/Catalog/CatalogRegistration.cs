using System.ComponentModel.DataAnnotations;
using Sintra.Hub.Infrastructure.Catalog;

namespace Sintra.Hub.Web.Catalog;

public static class CatalogRegistration
{
    /// <summary>Registers the product CSV import, its options and the localizer of the upload page.</summary>
    public static void AddCatalogImport(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CatalogImportOptions>()
            .Bind(builder.Configuration.GetSection(CatalogImportOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddProductCsvImport();
        builder.Services.AddLocalization();
    }
}

/// <summary>The <c>CatalogImport</c> section: limits of the product CSV upload.</summary>
public sealed class CatalogImportOptions
{
    public const string SectionName = "CatalogImport";

    /// <summary>Maximum size of a file the upload page accepts, in bytes. The default is 50 MB.</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;
}
