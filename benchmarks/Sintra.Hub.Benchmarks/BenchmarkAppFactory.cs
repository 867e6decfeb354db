using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Sintra.Hub.Benchmarks;

/// <summary>The real app in production mode on a fresh SQLite data folder, with optional extra settings.</summary>
internal sealed class BenchmarkAppFactory(string dataFolder, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Hub:DataFolder", dataFolder);
        builder.UseSetting("DemoData:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Identity:Administrator:Email", "bench@example.it");
        builder.UseSetting("Identity:Administrator:Password", "Bench-Password-2026!");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }
}
