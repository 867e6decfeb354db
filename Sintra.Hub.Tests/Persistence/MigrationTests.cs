using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Persistence;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Persistence;

public class MigrationTests
{
    public static TheoryData<string> Providers => ["Sqlite", "PostgreSql", "SqlServer"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void MigrationsMatchTheModel(string provider)
    {
        using var db = DesignTimeContext(provider);

        // A failure here means the model changed without a migration: run scripts/add-migration.sh NAME.
        Assert.False(db.Database.HasPendingModelChanges(), $"{provider} migrations are behind the model.");
    }

    [Fact]
    public void SqlServerIdempotentScriptGenerates()
    {
        using var db = DesignTimeContext("SqlServer");

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [Orders]", script, StringComparison.Ordinal);
        Assert.Contains("IF NOT EXISTS (\n    SELECT * FROM [__EFMigrationsHistory]", script.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("[Sku] nvarchar(255) COLLATE Latin1_General_100_BIN2", script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostgreSqlMigrationsApplyToRealServer()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var db = database.CreateDbContext();

        var applied = await db.Database.GetAppliedMigrationsAsync();

        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    private static HubDbContext DesignTimeContext(string provider) => provider switch
    {
        "Sqlite" => new SqliteHubDbContext(
            new DbContextOptionsBuilder<SqliteHubDbContext>().UseSqlite("Data Source=:memory:").Options),
        "PostgreSql" => new PostgreSqlHubDbContext(
            new DbContextOptionsBuilder<PostgreSqlHubDbContext>().UseNpgsql("Host=127.0.0.1").Options),
        _ => new SqlServerHubDbContext(
            new DbContextOptionsBuilder<SqlServerHubDbContext>().UseSqlServer("Server=127.0.0.1").Options),
    };
}
