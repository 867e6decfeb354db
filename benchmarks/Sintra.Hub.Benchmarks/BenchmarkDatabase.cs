using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Persistence;

namespace Sintra.Hub.Benchmarks;

/// <summary>
/// A fresh, migrated database for one benchmark run: a SQLite file in a temp folder, or a new database on the
/// PostgreSQL server named by <c>SINTRA_BENCH_POSTGRES</c>. Disposing deletes the file or drops the database.
/// </summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "SINTRA_BENCH_POSTGRES";

    private readonly string? folder;
    private readonly string? postgresAdmin;
    private readonly string? postgresName;
    private readonly ServiceProvider serviceProvider;
    private readonly IDbContextFactory<HubDbContext> contexts;

    private BenchmarkDatabase(DatabaseProvider provider, string connectionString, string? folder,
        string? postgresAdmin, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.folder = folder;
        this.postgresAdmin = postgresAdmin;
        this.postgresName = postgresName;
        var services = new ServiceCollection();
        services.AddHubDatabase(new DatabaseOptions { Provider = provider, ConnectionString = connectionString },
            folder ?? Path.GetTempPath());
        serviceProvider = services.BuildServiceProvider();
        contexts = serviceProvider.GetRequiredService<IDbContextFactory<HubDbContext>>();
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Returns the admin connection string of the benchmark PostgreSQL server, or null when unset.</summary>
    public static string? PostgresAdmin() =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static async Task<BenchmarkDatabase> CreateSqliteAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"sintra-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);

        // The same connection string the app builds: hub.db in the data folder with the default busy timeout.
        var connectionString = DatabaseRegistration.SqliteConnectionString(new DatabaseOptions(), folder);
        var database = new BenchmarkDatabase(DatabaseProvider.Sqlite, connectionString, folder, null, null);
        await database.MigrateAsync();
        return database;
    }

    public static async Task<BenchmarkDatabase> CreatePostgresAsync(string admin)
    {
        var name = $"sintra_bench_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        var database = new BenchmarkDatabase(DatabaseProvider.PostgreSql, connectionString, null, admin, name);
        await database.MigrateAsync();
        return database;
    }

    /// <summary>Creates a context configured as the app configures it, interceptors included.</summary>
    public HubDbContext CreateDbContext() => contexts.CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await serviceProvider.DisposeAsync();
        if (folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }

        if (postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand(
                $"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private async Task MigrateAsync()
    {
        await using var db = CreateDbContext();
        await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
    }
}
