using Microsoft.Extensions.Logging;

using Sintra.Hub.Infrastructure.Shopify.Admin;
using Sintra.Hub.Tests.Shopify.Fake;

namespace Sintra.Hub.Tests.Shopify;

/// <summary>A fake shop on a stepping clock and a client pointed at it, for one test.</summary>
public sealed class ShopifyTestHarness : IAsyncDisposable
{
    private readonly HttpClient httpClient = new();

    private ShopifyTestHarness(FakeShopifyServer server, SteppingClock clock, ShopifyAdminOptions options)
    {
        Server = server;
        Clock = clock;
        Options = options;
        Bucket = new ShopifyCostBucket(clock);
        Client = CreateClient(server.Connection);
    }

    public FakeShopifyServer Server { get; }

    public SteppingClock Clock { get; }

    public ShopifyAdminOptions Options { get; }

    public ShopifyCostBucket Bucket { get; }

    public ShopifyAdminClient Client { get; }

    public CapturingLogger<ShopifyAdminClient> Log { get; } = new();

    public FakeShop Shop => Server.Shop;

    public static async Task<ShopifyTestHarness> StartAsync(double maximumAvailable = 2000, double restoreRate = 100)
    {
        var clock = new SteppingClock();
        var server = await FakeShopifyServer.StartAsync(clock, maximumAvailable, restoreRate);

        // Request timeouts stay above SteppingClock's step limit, so real HTTP never times out on the fake clock.
        var options = new ShopifyAdminOptions
        {
            RequestTimeout = TimeSpan.FromMinutes(10),
            MaxRetries = 3,
            RetryBaseDelay = TimeSpan.FromSeconds(1),
        };
        return new ShopifyTestHarness(server, clock, options);
    }

    public ShopifyAdminClient CreateClient(ShopifyShopConnection connection) =>
        new(httpClient, connection, Bucket, Options, Clock, Log);

    public Task<T> RunAsync<T>(Task<T> task) => Clock.RunAsync(task);

    public async ValueTask DisposeAsync()
    {
        httpClient.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>A logger that keeps every entry, so tests can assert which waits and retries were logged.</summary>
public sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly List<(EventId Id, LogLevel Level, string Message)> entries = [];

    public IReadOnlyList<(EventId Id, LogLevel Level, string Message)> Entries
    {
        get
        {
            lock (entries)
            {
                return [.. entries];
            }
        }
    }

    public IReadOnlyList<string> MessagesWithEventId(int eventId) =>
        Entries.Where(entry => entry.Id.Id == eventId).Select(entry => entry.Message).ToList();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        lock (entries)
        {
            entries.Add((eventId, logLevel, formatter(state, exception)));
        }
    }
}
