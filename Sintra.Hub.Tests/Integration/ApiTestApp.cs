using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Catalog.Versions;
using Sintra.Hub.Core.Integration;
using Sintra.Hub.Core.Orders.Shipping;
using Sintra.Hub.Infrastructure.Integration;
using Sintra.Hub.Infrastructure.Outbox;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Integration;

/// <summary>
/// The app with the outbox job off (tests run the processor themselves), one-second retry backoff, webhooks allowed
/// to reach 127.0.0.1, and a product versioning double that records its calls.
/// </summary>
public sealed class ApiTestApp(IReadOnlyDictionary<string, string?>? extra = null) : HubAppFactory(Settings(extra))
{
    public RecordingVersioning Versioning { get; } = new();

    public RecordingShipping Shipping { get; } = new();

    public static Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["StockSync:ProcessingEnabled"] = "false",
            ["Inbox:ProcessingEnabled"] = "false",
            ["StockSync:BaseDelaySeconds"] = "1",
            ["StockSync:MaxDelaySeconds"] = "2",
            ["Integration:Webhooks:AllowPrivateAddresses"] = "true",
            ["Integration:Webhooks:TimeoutSeconds"] = "5",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IProductVersioning>(Versioning);
            services.AddSingleton<IOrderShipping>(Shipping);
        });
    }

    /// <summary>Creates a key with the scopes and returns a client that sends it as a bearer token.</summary>
    public async Task<(HttpClient Client, ApiKeyCreation Key)> ClientWithKeyAsync(params string[] scopes)
    {
        var keys = Services.GetRequiredService<ApiKeyService>();
        var created = await keys.CreateAsync("test " + string.Join(",", scopes), scopes, null, "tests", default);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.FullKey);
        return (client, created);
    }

    public async Task<HttpClient> ClientAsync(params string[] scopes) => (await ClientWithKeyAsync(scopes)).Client;

    public static string[] AllScopes => [.. ApiScopes.All];

    /// <summary>Runs the outbox until <paramref name="done"/> holds, for at most 30 seconds.</summary>
    public async Task ProcessOutboxUntilAsync(Func<Task<bool>> done)
    {
        var processor = Services.GetRequiredService<OutboxProcessor>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, "The outbox did not reach the expected state within 30 seconds.");
            await processor.ProcessDueAsync(default);
            await Task.Delay(100);
        }
    }
}

/// <summary>Product versioning double: records each capture.</summary>
public sealed class RecordingVersioning : IProductVersioning
{
    public List<(Guid ProductId, VersionSource Source)> Calls { get; } = [];

    public Task<int?> CaptureAsync(Guid productId, VersionSource source, CancellationToken cancellationToken)
    {
        lock (Calls)
        {
            Calls.Add((productId, source));
        }

        return Task.FromResult<int?>(Calls.Count);
    }
}

/// <summary>Order shipping double: records each request and ships one unit per call.</summary>
public sealed class RecordingShipping : IOrderShipping
{
    public List<ShipmentRequest> Requests { get; } = [];

    public Task<ShipmentResult> ShipAsync(ShipmentRequest request, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add(request);
        }

        return Task.FromResult(new ShipmentResult(Guid.NewGuid(), 1, false, null));
    }
}
