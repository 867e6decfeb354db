using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Catalog.Completeness;
using Sintra.Hub.Core.Catalog.Editing;
using Sintra.Hub.Core.Catalog.Import;
using Sintra.Hub.Core.Catalog.Versions;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Catalog;
using Sintra.Hub.Tests.Catalog;

namespace Sintra.Hub.Tests.Pim;

/// <summary>Real catalog editing services over one context, with a fixed clock.</summary>
internal sealed class PimKit(HubDbContext db, Func<HubDbContext>? createContext = null)
{
    public static readonly IOptions<CatalogOptions> Options = Microsoft.Extensions.Options.Options.Create(new CatalogOptions());

    public static readonly VersionSource Operator = new(VersionSourceKinds.User, "operator@example.test");

    public FakeTimeProvider Clock { get; } = new(CatalogTestKit.Now);

    public ProductVersionService Versions => new(db, new ProductSnapshotReader(db), Clock, NullLogger<ProductVersionService>.Instance);

    public ProductEditor Editor => new(db, Versions, Options, Clock);

    public BulkEditService Bulk => new(db, Versions, Clock, NullLogger<BulkEditService>.Instance);

    public ProductRestoreService Restore => new(db, Versions, Clock);

    /// <summary>The completeness service, which opens contexts of its own through <c>createContext</c>.</summary>
    public CatalogCompletenessService Completeness => new(
        new ContextFactory(createContext ?? throw new InvalidOperationException("Pass createContext to evaluate completeness.")),
        Options);

    public CatalogSettingsService Settings => new(db, Clock);

    public ShopifyCsvExporter ShopifyExport => new(db);

    public HubCsvExporter HubExport => new(db, Options);

    public ProductCsvImporter Importer => CatalogTestKit.Importer(db);

    /// <summary>Imports the Shopify template fixture: 3 products, 16 variants, 6 images.</summary>
    public async Task ImportTemplateAsync()
    {
        var result = await Importer.ApplyAsync(CatalogTestKit.Fixture("classic-template.csv"), new ImportRequest(null, "test"), default);
        Assert.True(result.Applied);
    }

    private sealed class ContextFactory(Func<HubDbContext> create) : Microsoft.EntityFrameworkCore.IDbContextFactory<HubDbContext>
    {
        public HubDbContext CreateDbContext() => create();
    }
}
