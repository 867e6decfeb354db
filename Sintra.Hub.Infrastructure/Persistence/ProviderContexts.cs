using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Catalog;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Infrastructure.Persistence;

/// <summary>SQLite context; owns the migrations under <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteHubDbContext(DbContextOptions<SqliteHubDbContext> options) : HubDbContext(options);

/// <summary>PostgreSQL context; owns the migrations under <c>Migrations/PostgreSql</c>.</summary>
public sealed class PostgreSqlHubDbContext(DbContextOptions<PostgreSqlHubDbContext> options) : HubDbContext(options);

/// <summary>SQL Server context; owns the migrations under <c>Migrations/SqlServer</c>.</summary>
public sealed class SqlServerHubDbContext(DbContextOptions<SqlServerHubDbContext> options) : HubDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // SQL Server's default collations ignore case, but a SKU is unique and matched exactly as sent:
        // "ABC-1" and "abc-1" are two items. SQLite and PostgreSQL compare case-sensitively by default.
        const string binary = "Latin1_General_100_BIN2";
        builder.Entity<ProductVariant>().Property(v => v.Sku).UseCollation(binary);
        builder.Entity<ProductVariant>().Property(v => v.Barcode).UseCollation(binary);
        builder.Entity<OrderLine>().Property(l => l.Sku).UseCollation(binary);
    }
}
