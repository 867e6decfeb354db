using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Persistence;

namespace Sintra.Hub.Tests.Support;

/// <summary>
/// A fresh, migrated database for one test: a SQLite file in a temp folder, or a new database on the PostgreSQL
/// server named by <c>SINTRA_TEST_POSTGRES</c>, which the test script starts on 127.0.0.1.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "SINTRA_TEST_POSTGRES";

    private readonly string? folder;
    private readonly string? postgresAdmin;
    private readonly string? postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? folder, string? postgresAdmin, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.folder = folder;
        this.postgresAdmin = postgresAdmin;
        this.postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => CreateSqliteAsync(),
        DatabaseProvider.PostgreSql => CreatePostgresAsync(),
        _ => throw new NotSupportedException($"No test server for {provider}."),
    };

    public HubDbContext CreateDbContext() => Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteHubDbContext(
            new DbContextOptionsBuilder<SqliteHubDbContext>().UseSqlite(ConnectionString).Options),
        _ => new PostgreSqlHubDbContext(
            new DbContextOptionsBuilder<PostgreSqlHubDbContext>().UseNpgsql(ConnectionString).Options),
    };

    public async ValueTask DisposeAsync()
    {
        if (folder is not null)
        {
            SqliteConnection.ClearAllPools();
            TempFolder.TryDelete(folder);
        }

        if (postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task<TestDatabase> CreateSqliteAsync()
    {
        var folder = TempFolder.Create("db");
        var options = new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(folder, "hub.db")}" };
        var database = new TestDatabase(
            DatabaseProvider.Sqlite,
            DatabaseRegistration.SqliteConnectionString(options, folder),
            folder,
            null,
            null);
        await using var db = database.CreateDbContext();
        await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
        return database;
    }

    private static async Task<TestDatabase> CreatePostgresAsync()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Run the tests through scripts/test.sh, which starts PostgreSQL, "
                + "or set it to a connection string of a server you may create databases on.");
        }

        var name = $"sintra_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
        var database = new TestDatabase(DatabaseProvider.PostgreSql, connectionString, null, admin, name);
        await using var db = database.CreateDbContext();
        await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
        return database;
    }
}
