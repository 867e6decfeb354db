using Microsoft.Extensions.DependencyInjection;
using Sintra.Hub.Core.Outbox;

namespace Sintra.Hub.Infrastructure.Outbox;

/// <summary>
/// Delivers outbox rows of one topic, for example a fulfillment to push to a channel or an outbound webhook.
/// Returning normally settles the row as done. An exception schedules a retry with backoff, up to the configured
/// attempts. <see cref="OutboxPermanentFailureException"/> fails the row at once, for errors that no retry can fix.
/// The row's <see cref="OutboxMessage.IdempotencyKey"/> is set before the first call and kept across retries.
/// </summary>
public interface IOutboxHandler
{
    Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>An error that fails an outbox row at once, because the same call would fail on every attempt.</summary>
public sealed class OutboxPermanentFailureException(string message) : Exception(message);

/// <summary>The topics that have a registered <see cref="IOutboxHandler"/>, besides the stock push.</summary>
public sealed class OutboxHandlerRegistry
{
    private readonly List<string> topics = [];

    public IReadOnlyList<string> Topics => topics;

    internal void Add(string topic)
    {
        if (!topics.Contains(topic, StringComparer.Ordinal))
        {
            topics.Add(topic);
        }
    }
}

public static class OutboxHandlerRegistration
{
    /// <summary>Registers <typeparamref name="THandler"/>, scoped, as the handler of <paramref name="topic"/>.</summary>
    public static IServiceCollection AddOutboxHandler<THandler>(this IServiceCollection services, string topic)
        where THandler : class, IOutboxHandler
    {
        var registry = services.FirstOrDefault(d => d.ServiceType == typeof(OutboxHandlerRegistry))
            ?.ImplementationInstance as OutboxHandlerRegistry;
        if (registry is null)
        {
            registry = new OutboxHandlerRegistry();
            services.AddSingleton(registry);
        }

        registry.Add(topic);
        services.AddKeyedScoped<IOutboxHandler, THandler>(topic);
        return services;
    }
}
