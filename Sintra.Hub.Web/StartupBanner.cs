using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Sintra.Hub.Web.Identity;

namespace Sintra.Hub.Web;

/// <summary>Logs where the dashboard listens and who signs in, once the server has started.</summary>
public sealed partial class StartupBanner(
    IServer server,
    IHostApplicationLifetime lifetime,
    IOptions<AdministratorOptions> administrator,
    ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                LogReady(logger, address, administrator.Value.Email);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1000, LogLevel.Information,
        "Sintra Hub is ready: open {Address} and sign in as {Email} (the password is the configured one, or the one "
        + "printed when the administrator was created)")]
    private static partial void LogReady(ILogger logger, string address, string email);
}
