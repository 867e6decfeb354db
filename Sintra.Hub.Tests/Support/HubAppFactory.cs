using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Persistence;

namespace Sintra.Hub.Tests.Support;

/// <summary>
/// The real app on a fresh SQLite file in its own temp data folder, demo data off. Extra settings go in through
/// the constructor as configuration keys, for example <c>["Inbox:PollSeconds"] = "1"</c>.
/// </summary>
public class HubAppFactory(IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public string DataFolder { get; } = TempFolder.Create("hub-app");

    public HubDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<HubDbContext>>().CreateDbContext();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Development serves the static web assets from the build output, as `dotnet run` does.
        builder.UseEnvironment("Development");
        builder.UseSetting("Hub:DataFolder", DataFolder);
        builder.UseSetting("DemoData:Enabled", "false");
        builder.UseSetting("Identity:Administrator:Email", TestUsers.AdminEmail);
        builder.UseSetting("Identity:Administrator:Password", TestUsers.AdminPassword);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            TempFolder.TryDelete(DataFolder);
        }
    }
}

/// <summary>Sign-in of the administrator that <see cref="HubAppFactory"/> configures.</summary>
public static class TestUsers
{
    public const string AdminEmail = "admin@sintra.test";

    public const string AdminPassword = "Test-Password-2026!";
}
