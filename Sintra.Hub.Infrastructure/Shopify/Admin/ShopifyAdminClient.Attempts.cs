using System.Net;

namespace Sintra.Hub.Infrastructure.Shopify.Admin;

public sealed partial class ShopifyAdminClient
{
    private Attempt Classify(string operation, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        var parsed = GraphQlResponse.Parse(body);
        bucket.Observe(operation, parsed?.Extensions?.Cost);
        switch (response.StatusCode)
        {
            case HttpStatusCode.Unauthorized:
                return Attempt.Failed(ShopifyAdminErrorKind.Unauthorized,
                    $"Shopify rejected the access token for {shop.ShopDomain} (HTTP 401). " +
                    "Check that the token is correct and the app is still installed.", status);
            case HttpStatusCode.Forbidden:
                return Attempt.Failed(ShopifyAdminErrorKind.AccessDenied,
                    $"the access token for {shop.ShopDomain} lacks a required scope (HTTP 403)", status);
            case HttpStatusCode.NotFound:
                return Attempt.Failed(ShopifyAdminErrorKind.NotFound,
                    $"no Admin API found at {shop.GraphQlEndpoint(options.ApiVersion)} (HTTP 404). " +
                    "Check the shop domain and the API version.", status);
            case HttpStatusCode.TooManyRequests:
                return Attempt.Throttled(RetryAfter(response) ?? options.DefaultRetryAfter, status, parsed);
        }

        if (status >= 500)
        {
            return Attempt.Transient(ShopifyAdminErrorKind.Unavailable, $"HTTP {status}", status);
        }

        if (!response.IsSuccessStatusCode)
        {
            return Attempt.Failed(ShopifyAdminErrorKind.Rejected, $"HTTP {status}", status);
        }

        return ClassifyGraphQl(parsed, status);
    }

    private Attempt ClassifyGraphQl(GraphQlResponse? parsed, int status)
    {
        if (parsed is null)
        {
            return Attempt.Failed(ShopifyAdminErrorKind.InvalidResponse,
                "invalid response: the body is not a GraphQL JSON object", status);
        }

        if (parsed.HasErrorCode("THROTTLED"))
        {
            var requested = parsed.Extensions?.Cost?.RequestedQueryCost ?? 0;
            var wait = bucket.TimeUntilAvailable(requested);

            // A wait computed to the exact refill point can end a fraction of a point short, because of rounding
            // to ticks, so each retry would wait a shorter time again. The floor lets real points restore.
            var floor = TimeSpan.FromMilliseconds(100);
            return Attempt.Throttled(wait > floor ? wait : floor, status, parsed);
        }

        if (parsed.HasErrorCode("ACCESS_DENIED"))
        {
            return Attempt.Failed(ShopifyAdminErrorKind.AccessDenied, JoinMessages(parsed), status, parsed);
        }

        if (parsed.HasErrorCode("INTERNAL_SERVER_ERROR"))
        {
            return Attempt.Transient(ShopifyAdminErrorKind.Unavailable, JoinMessages(parsed), status, parsed);
        }

        if (parsed.Errors is { Count: > 0 })
        {
            return Attempt.Failed(ShopifyAdminErrorKind.Rejected, JoinMessages(parsed), status, parsed);
        }

        return Attempt.Succeeded(parsed);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private enum AttemptKind
    {
        Success,
        Throttled,
        Transient,
        Failed,
    }

    /// <summary>Outcome of one HTTP attempt, before the retry policy decides what to do with it.</summary>
    private sealed record Attempt(AttemptKind Kind, GraphQlResponse? Response, ShopifyAdminError? Error,
        TimeSpan Wait, int? StatusCode)
    {
        public static Attempt Succeeded(GraphQlResponse response) =>
            new(AttemptKind.Success, response, null, TimeSpan.Zero, 200);

        public static Attempt Throttled(TimeSpan wait, int status, GraphQlResponse? response) =>
            new(AttemptKind.Throttled, response, null, wait, status);

        public static Attempt Transient(ShopifyAdminErrorKind kind, string message, int? status,
            GraphQlResponse? response = null) =>
            new(AttemptKind.Transient, response, new ShopifyAdminError(kind, message, status, response?.Errors),
                TimeSpan.Zero, status);

        public static Attempt Failed(ShopifyAdminErrorKind kind, string message, int? status,
            GraphQlResponse? response = null) =>
            new(AttemptKind.Failed, response, new ShopifyAdminError(kind, message, status, response?.Errors),
                TimeSpan.Zero, status);
    }
}
