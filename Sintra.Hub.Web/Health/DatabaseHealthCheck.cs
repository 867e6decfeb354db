using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Web.Health;

/// <summary>Reports whether the hub's database accepts connections.</summary>
public sealed class DatabaseHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy($"{db.Database.ProviderName} reachable")
            : HealthCheckResult.Unhealthy($"{db.Database.ProviderName} not reachable");
    }
}
