using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.CatalogSync;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Infrastructure.Persistence;

public static class DatabaseRegistration
{
    /// <summary>
    /// Registers <see cref="HubDbContext"/> (scoped) and <see cref="IDbContextFactory{HubDbContext}"/> for the
    /// configured provider.
    /// </summary>
    public static IServiceCollection AddHubDatabase(
        this IServiceCollection services,
        DatabaseOptions options,
        string dataFolder)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var sqlite = SqliteConnectionString(options, dataFolder);
                Register<SqliteHubDbContext>(services, b => b.UseSqlite(sqlite, o => o.CommandTimeout(60)));
                break;
            case DatabaseProvider.PostgreSql:
                var postgres = Required(options);
                Register<PostgreSqlHubDbContext>(services, b => b.UseNpgsql(postgres));
                break;
            case DatabaseProvider.SqlServer:
                var sqlServer = Required(options);
                Register<SqlServerHubDbContext>(services, b => b.UseSqlServer(sqlServer));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not supported.");
        }

        return services;
    }

    /// <summary>
    /// Builds the SQLite connection string: the file defaults to <c>hub.db</c> in the data folder, the busy
    /// timeout makes a writer wait for the lock instead of failing at once.
    /// </summary>
    public static string SqliteConnectionString(DatabaseOptions options, string dataFolder)
    {
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString ?? string.Empty);
        if (string.IsNullOrEmpty(builder.DataSource))
        {
            Directory.CreateDirectory(dataFolder);
            builder.DataSource = Path.Combine(dataFolder, "hub.db");
        }

        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, options.SqliteBusyTimeoutMilliseconds / 1000);
        builder.Pooling = true;
        return builder.ToString();
    }

    private static string Required(DatabaseOptions options) =>
        string.IsNullOrWhiteSpace(options.ConnectionString)
            ? throw new InvalidOperationException(
                $"Database:ConnectionString is missing; Database:Provider '{options.Provider}' needs one.")
            : options.ConnectionString;

    private static void Register<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : HubDbContext
    {
        services.AddDbContextFactory<TContext>((provider, b) =>
        {
            configure(b);
            b.AddInterceptors(new SqlitePragmaInterceptor(),
                new CatalogChangeInterceptor(provider.GetService<TimeProvider>() ?? TimeProvider.System));
        });
        services.AddSingleton<IDbContextFactory<HubDbContext>>(
            sp => new HubDbContextFactory<TContext>(sp.GetRequiredService<IDbContextFactory<TContext>>()));
        services.AddScoped<HubDbContext>(sp => sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext());
    }

    private sealed class HubDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<HubDbContext>
        where TContext : HubDbContext
    {
        public HubDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
