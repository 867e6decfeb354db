using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sintra.Hub.Infrastructure.Persistence;

/// <summary>
/// Sets SQLite's busy timeout on every opened connection, so that a writer waits for the write lock instead of
/// sleeping in the driver's own retry loop. WAL mode is set once by the migrator because it persists in the file.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        Apply(connection);
    }

    public override Task ConnectionOpenedAsync(
        DbConnection connection,
        ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite)
        {
            return;
        }

        var timeout = Math.Max(1, sqlite.DefaultTimeout) * 1000;
        using var command = sqlite.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {timeout}; PRAGMA foreign_keys = ON;";
        command.ExecuteNonQuery();
    }
}
