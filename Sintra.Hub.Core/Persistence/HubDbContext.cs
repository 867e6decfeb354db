using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Assets;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Catalog.Attributes;
using Sintra.Hub.Core.Catalog.Completeness;
using Sintra.Hub.Core.Catalog.Pricing;
using Sintra.Hub.Core.Catalog.Suppliers;
using Sintra.Hub.Core.Catalog.Translations;
using Sintra.Hub.Core.Catalog.Versions;
using Sintra.Hub.Core.Channels;
using Sintra.Hub.Core.Identity;
using Sintra.Hub.Core.Integration;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Orders.Shipping;
using Sintra.Hub.Core.Outbox;
using Sintra.Hub.Core.Webhooks;

namespace Sintra.Hub.Core.Persistence;

/// <summary>
/// The hub's database. Each provider has a derived context in Infrastructure that owns its migrations;
/// everything else depends on this type only.
/// </summary>
public abstract class HubDbContext(DbContextOptions options) : IdentityDbContext<HubUser>(options)
{
    public DbSet<Product> Products => Set<Product>();

    public DbSet<ProductVariant> Variants => Set<ProductVariant>();

    public DbSet<ProductImage> ProductImages => Set<ProductImage>();

    public DbSet<CatalogTranslation> CatalogTranslations => Set<CatalogTranslation>();

    public DbSet<PriceList> PriceLists => Set<PriceList>();

    public DbSet<PriceListEntry> PriceListEntries => Set<PriceListEntry>();

    public DbSet<CatalogAttribute> CatalogAttributes => Set<CatalogAttribute>();

    public DbSet<AttributeOption> AttributeOptions => Set<AttributeOption>();

    public DbSet<AttributeSet> AttributeSets => Set<AttributeSet>();

    public DbSet<AttributeValue> AttributeValues => Set<AttributeValue>();

    public DbSet<Brand> Brands => Set<Brand>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Supplier> Suppliers => Set<Supplier>();

    public DbSet<SupplierEntry> SupplierEntries => Set<SupplierEntry>();

    public DbSet<ProductVersion> ProductVersions => Set<ProductVersion>();

    public DbSet<CompletenessRule> CompletenessRules => Set<CompletenessRule>();

    public DbSet<Warehouse> Warehouses => Set<Warehouse>();

    public DbSet<InventoryLevel> InventoryLevels => Set<InventoryLevel>();

    public DbSet<InventoryMovement> InventoryMovements => Set<InventoryMovement>();

    public DbSet<Reservation> Reservations => Set<Reservation>();

    public DbSet<SalesChannel> Channels => Set<SalesChannel>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<OrderLine> OrderLines => Set<OrderLine>();

    public DbSet<OrderEvent> OrderEvents => Set<OrderEvent>();

    public DbSet<OrderTag> OrderTags => Set<OrderTag>();

    public DbSet<OrderNote> OrderNotes => Set<OrderNote>();

    public DbSet<Shipment> Shipments => Set<Shipment>();

    public DbSet<ShipmentLine> ShipmentLines => Set<ShipmentLine>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<ChannelStockSource> ChannelStockSources => Set<ChannelStockSource>();

    public DbSet<StockCheckIssue> StockCheckIssues => Set<StockCheckIssue>();

    public DbSet<ShopifyChannelSync> ShopifySyncs => Set<ShopifyChannelSync>();

    public DbSet<ShopifyLocationMapping> ShopifyLocations => Set<ShopifyLocationMapping>();

    public DbSet<ShopifyVariantLink> ShopifyVariantLinks => Set<ShopifyVariantLink>();

    public DbSet<ShopifyLevelState> ShopifyLevelStates => Set<ShopifyLevelState>();

    public DbSet<ShopifyStockDrift> ShopifyStockDrifts => Set<ShopifyStockDrift>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<ApiIdempotencyRecord> ApiIdempotencyRecords => Set<ApiIdempotencyRecord>();

    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<Asset> Assets => Set<Asset>();

    public DbSet<AssetFolder> AssetFolders => Set<AssetFolder>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        IncrementVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        IncrementVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(HubDbContext).Assembly);

        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)))
        {
            builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC. SQLite cannot compare DateTimeOffset values in SQL, so DateTime in UTC is the one
        // type that sorts and filters the same way on all three providers.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(19, 4);
        configurationBuilder.Properties<decimal?>().HavePrecision(19, 4);

        configurationBuilder.Properties<ProductStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<TranslatedEntity>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<MovementReason>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<ReservationStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ChannelKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<OrderStatus>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<InboxStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<OutboxStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<StockQuantity>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<StockCheckIssueStatus>().HaveConversion<string>().HaveMaxLength(16);
    }

    private void IncrementVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version++;
            }
        }
    }
}
