using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sintra.Hub.Core.Inventory;
using Sintra.Hub.Core.Orders;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Core.Webhooks;
using Sintra.Hub.Infrastructure.Inbox;
using Sintra.Hub.Infrastructure.Shopify;
using Sintra.Hub.Infrastructure.Shopify.Sync;
using Sintra.Hub.Tests.Support;

namespace Sintra.Hub.Tests.Orders;

/// <summary>
/// The inbox processor and order ingestion wired to a <see cref="TestDatabase"/> the way the app wires them, with
/// a scope per processed message.
/// </summary>
public sealed class IngestionHost : IAsyncDisposable
{
    private readonly ServiceProvider services;

    public IngestionHost(TestDatabase database, TimeProvider clock, InboxOptions? options = null)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton(clock);
        collection.AddSingleton(Options.Create(options ?? new InboxOptions()));
        collection.AddSingleton<IDbContextFactory<HubDbContext>>(new Factory(database));
        collection.AddScoped(_ => database.CreateDbContext());
        collection.AddScoped<StockLedger>();
        collection.AddScoped<OrderIngestionService>();
        collection.AddScoped<OrderRefundService>();
        collection.AddScoped<OrderFulfillmentService>();
        collection.AddScoped<OrderEditService>();
        collection.AddScoped<InboxMessageHandler>();
        collection.AddScoped<InventoryLevelWebhookHandler>();
        collection.AddSingleton<InboxProcessor>();
        services = collection.BuildServiceProvider(validateScopes: true);
        Database = database;
    }

    public TestDatabase Database { get; }

    public InboxProcessor Processor => services.GetRequiredService<InboxProcessor>();

    /// <summary>Stores an order delivery in the inbox, as the webhook endpoint does after verifying it.</summary>
    public async Task<Guid> EnqueueAsync(Guid channelId, string topic, string body, DateTime now)
    {
        await using var db = Database.CreateDbContext();
        var message = new InboxMessage
        {
            Source = ShopifyTopics.Source,
            WebhookId = Guid.NewGuid().ToString(),
            ChannelId = channelId,
            ShopDomain = ShopTestData.ShopDomain,
            Topic = topic,
            Body = body,
            ReceivedAt = now,
            NextAttemptAt = now,
        };
        db.InboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();

    private sealed class Factory(TestDatabase database) : IDbContextFactory<HubDbContext>
    {
        public HubDbContext CreateDbContext() => database.CreateDbContext();
    }
}
