using System.ComponentModel.DataAnnotations;

namespace Sintra.Hub.Infrastructure.Persistence;

/// <summary>The <c>Database</c> section: which provider and where.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// ADO.NET connection string. For SQLite it may be empty, and then the database is <c>hub.db</c> in the data
    /// folder.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Applies pending migrations at start. On by default; turn off where a deployment step migrates.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Milliseconds a SQLite writer waits for the lock before failing.</summary>
    [Range(0, 600_000)]
    public int SqliteBusyTimeoutMilliseconds { get; set; } = 5000;
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}
