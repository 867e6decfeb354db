using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Infrastructure.Catalog;

/// <summary>Reads the catalog in batches ordered by id, so an export never keeps the whole catalog in memory.</summary>
internal static class CatalogExportSource
{
    public const int BatchSize = 200;

    public static async IAsyncEnumerable<List<Product>> ReadBatchesAsync(
        HubDbContext db,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Guid? after = null;
        while (true)
        {
            var query = db.Products.AsNoTracking().Include(p => p.Variants).Include(p => p.Images).AsSplitQuery();
            if (after is { } last)
            {
                query = query.Where(p => p.Id.CompareTo(last) > 0);
            }

            var batch = await query.OrderBy(p => p.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                yield break;
            }

            foreach (var product in batch)
            {
                product.Variants.Sort((a, b) => a.Position.CompareTo(b.Position));
                product.Images.Sort((a, b) => a.Position.CompareTo(b.Position));
            }

            yield return batch;
            after = batch[^1].Id;
        }
    }
}
