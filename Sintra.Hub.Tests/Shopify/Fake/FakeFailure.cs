using System.Text.Json;

namespace Sintra.Hub.Tests.Shopify.Fake;

public enum FakeFailureKind
{
    /// <summary>HTTP 500 before the operation runs.</summary>
    ServerError,

    /// <summary>The operation runs and changes the shop, then the response is replaced by HTTP 500.</summary>
    ServerErrorAfterApplying,

    /// <summary>HTTP 429 with a <c>Retry-After</c> header. The operation does not run.</summary>
    TooManyRequests,

    /// <summary>A THROTTLED error with the cost extension. The operation does not run.</summary>
    Throttled,

    /// <summary>No response for <see cref="FakeFailure.Delay"/> on the server clock, then HTTP 500.</summary>
    Hang,
}

/// <summary>A failure the server returns in place of the next response.</summary>
public sealed record FakeFailure(FakeFailureKind Kind, int RetryAfterSeconds = 1, TimeSpan Delay = default);

/// <summary>A request the server received, in arrival order.</summary>
/// <param name="OperationName">The request's <c>operationName</c>, or null when missing.</param>
/// <param name="Variables">The request's <c>variables</c>, or an empty object.</param>
/// <param name="IdempotencyKey">The key of the <c>@idempotent</c> directive, resolved from variables.</param>
/// <param name="StatusCode">HTTP status of the response.</param>
/// <param name="Outcome">What the server did: ok, throttled, user-errors, replayed, injected failure, ...</param>
public sealed record FakeRequest(string? OperationName, JsonElement Variables, string? IdempotencyKey,
    int StatusCode, string Outcome);
