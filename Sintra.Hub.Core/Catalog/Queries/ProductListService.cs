using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Core.Catalog.Queries;

/// <summary>Reads the product list page by page, filtered and sorted in the database.</summary>
public sealed class ProductListService(IDbContextFactory<HubDbContext> contextFactory)
{
    /// <summary>The largest page that <see cref="ListAsync"/> returns, regardless of the requested size.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Counts the products that match the query and reads the requested page of them.</summary>
    public async Task<ProductListPage> ListAsync(ProductListQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var products = Filter(db, query);
        var total = await products.CountAsync(cancellationToken);

        var summaries = products.Select(p => new
        {
            p.Id,
            p.Handle,
            p.Title,
            p.Vendor,
            p.ProductType,
            p.Status,
            VariantCount = p.Variants.Count,
            OnHand = db.InventoryLevels.Where(l => p.Variants.Any(v => v.Id == l.VariantId))
                .Sum(l => (int?)l.OnHand) ?? 0,
            Reserved = db.InventoryLevels.Where(l => p.Variants.Any(v => v.Id == l.VariantId))
                .Sum(l => (int?)l.Reserved) ?? 0,
            Unavailable = db.InventoryLevels.Where(l => p.Variants.Any(v => v.Id == l.VariantId))
                .Sum(l => (int?)l.Unavailable) ?? 0,
        });

        var sorted = query.SortBy switch
        {
            ProductSortColumn.Handle => Order(summaries, s => s.Handle, query.Descending),
            ProductSortColumn.Vendor => Order(summaries, s => s.Vendor, query.Descending),
            ProductSortColumn.ProductType => Order(summaries, s => s.ProductType, query.Descending),
            ProductSortColumn.Status => Order(summaries, s => s.Status, query.Descending),
            ProductSortColumn.VariantCount => Order(summaries, s => s.VariantCount, query.Descending),
            ProductSortColumn.OnHand => Order(summaries, s => s.OnHand, query.Descending),
            ProductSortColumn.Reserved => Order(summaries, s => s.Reserved, query.Descending),
            ProductSortColumn.Available => Order(summaries, s => s.OnHand - s.Reserved - s.Unavailable, query.Descending),
            _ => Order(summaries, s => s.Title, query.Descending),
        };

        var page = await sorted.ThenBy(s => s.Handle)
            .Skip(Math.Max(0, query.Skip))
            .Take(Math.Clamp(query.Take, 1, MaxPageSize))
            .ToListAsync(cancellationToken);

        // EF Core's SQLite provider stores decimals as text and cannot translate Min or Max over them, so the
        // price range of the page's products is computed here from their variant prices.
        var ids = page.Select(s => s.Id).ToList();
        var prices = (await db.Variants.AsNoTracking()
                .Where(v => ids.Contains(v.ProductId))
                .Select(v => new { v.ProductId, v.Price })
                .ToListAsync(cancellationToken))
            .ToLookup(v => v.ProductId, v => v.Price);

        var rows = page.Select(s => new ProductListRow(
                s.Id,
                s.Handle,
                s.Title,
                s.Vendor,
                s.ProductType,
                s.Status,
                s.VariantCount,
                s.OnHand,
                s.Reserved,
                s.OnHand - s.Reserved - s.Unavailable,
                prices[s.Id].Any() ? prices[s.Id].Min() : null,
                prices[s.Id].Any() ? prices[s.Id].Max() : null))
            .ToList();
        return new ProductListPage(rows, total);
    }

    private static IQueryable<Product> Filter(HubDbContext db, ProductListQuery query)
    {
        var products = db.Products.AsNoTracking();
        if (query.Status is { } status)
        {
            products = products.Where(p => p.Status == status);
        }

        var search = query.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            // Title and handle match any part, ignoring case. SKU and barcode match only as exact strings,
            // because "0012" and "12" are different items.
            // NOTE: SQLite's lower() folds ASCII letters only, so there "È" in a title matches only "È" typed.
            var lowered = search.ToLowerInvariant();
            products = products.Where(p =>
                p.Title.ToLower().Contains(lowered)
                || p.Handle.ToLower().Contains(lowered)
                || p.Variants.Any(v => v.Sku == search || v.Barcode == search));
        }

        return products;
    }

    private static IOrderedQueryable<T> Order<T, TKey>(
        IQueryable<T> source,
        System.Linq.Expressions.Expression<Func<T, TKey>> key,
        bool descending) =>
        descending ? source.OrderByDescending(key) : source.OrderBy(key);
}
