using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Infrastructure.Persistence;

/// <summary>Applies the provider's migrations; on SQLite also switches the file to write-ahead logging.</summary>
public static class DatabaseMigrator
{
    public static async Task MigrateAsync(HubDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection() is SqliteConnection)
        {
            // WAL lets the dashboards read while the inbox job writes; the mode is stored in the file.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }

        await db.Database.MigrateAsync(cancellationToken);
    }
}
