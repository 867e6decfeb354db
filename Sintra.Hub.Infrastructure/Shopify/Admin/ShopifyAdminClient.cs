using System.Globalization;
using System.Net;
using System.Net.Http.Json;

using Microsoft.Extensions.Logging;

namespace Sintra.Hub.Infrastructure.Shopify.Admin;

/// <summary>
/// Client of one shop's GraphQL Admin API. It paces requests with the shop's cost bucket, retries throttled
/// requests after the bucket refills, and retries 5xx, timeouts and network errors with exponential backoff,
/// but retries a mutation only when it carries an idempotency key. Expected failures come back as results.
/// </summary>
public sealed partial class ShopifyAdminClient(
    HttpClient httpClient,
    ShopifyShopConnection shop,
    ShopifyCostBucket bucket,
    ShopifyAdminOptions options,
    TimeProvider timeProvider,
    ILogger<ShopifyAdminClient> logger)
{
    private const string AccessTokenHeader = "X-Shopify-Access-Token";

    public ShopifyShopConnection Shop => shop;

    /// <summary>
    /// The shop's bucket as of the last response, shared by all clients of the shop. Null before the first response.
    /// </summary>
    public ThrottleStatus? LastThrottleStatus => bucket.LastStatus;

    /// <summary>
    /// Sends a document until it succeeds or fails for good. <paramref name="retrySafe"/> is false for a
    /// mutation without an idempotency key, which then gets no retry after a 5xx or a timeout because it may
    /// have been applied. Throttled requests are always retried, because Shopify did not run them.
    /// </summary>
    internal async Task<ShopifyResult<GraphQlResponse>> SendAsync(GraphQlRequest request, double fallbackEstimate,
        bool retrySafe, CancellationToken cancellationToken)
    {
        var operation = request.OperationName;
        var transientFailures = 0;
        var throttleRetries = 0;
        while (true)
        {
            var (budgetWait, estimate) = bucket.ReserveWait(operation, fallbackEstimate);
            if (budgetWait > TimeSpan.Zero)
            {
                ShopifyAdminLog.WaitingForBudget(logger, shop.ShopDomain, operation, estimate, Ms(budgetWait));
                await Task.Delay(budgetWait, timeProvider, cancellationToken);
            }

            var attempt = await SendOnceAsync(request, cancellationToken);
            switch (attempt.Kind)
            {
                case AttemptKind.Success:
                    return ShopifyResult<GraphQlResponse>.Success(attempt.Response!);

                case AttemptKind.Throttled when ++throttleRetries <= options.MaxThrottleRetries:
                    LogThrottle(operation, attempt, throttleRetries);
                    await Task.Delay(attempt.Wait, timeProvider, cancellationToken);
                    continue;

                case AttemptKind.Transient when retrySafe && ++transientFailures <= options.MaxRetries:
                    var backoff = options.RetryBaseDelay * Math.Pow(2, transientFailures - 1);
                    ShopifyAdminLog.RetryingTransient(logger, shop.ShopDomain, operation, attempt.Error!.Message,
                        Ms(backoff), transientFailures, options.MaxRetries);
                    await Task.Delay(backoff, timeProvider, cancellationToken);
                    continue;

                default:
                    var error = FinalError(attempt, retrySafe);
                    ShopifyAdminLog.CallFailed(logger, shop.ShopDomain, operation, error.Kind, error.Message);
                    return ShopifyResult<GraphQlResponse>.Failure(error);
            }
        }
    }

    private async Task<Attempt> SendOnceAsync(GraphQlRequest request, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.RequestTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var message = new HttpRequestMessage(HttpMethod.Post, shop.GraphQlEndpoint(options.ApiVersion));
        message.Headers.Add(AccessTokenHeader, shop.AccessToken);
        message.Content = JsonContent.Create(request, options: GraphQlResponse.SerializerOptions);
        try
        {
            using var response = await httpClient.SendAsync(message, linked.Token);
            var body = await response.Content.ReadAsStringAsync(linked.Token);
            return Classify(request.OperationName, response, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The invariant culture keeps the message "0.3 s" on a machine whose culture writes "0,3 s".
            var seconds = options.RequestTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            return Attempt.Transient(ShopifyAdminErrorKind.Unavailable,
                $"timed out: no response within {seconds} s", null);
        }
        catch (HttpRequestException exception)
        {
            return Attempt.Transient(ShopifyAdminErrorKind.Unavailable,
                $"network request failed: {exception.Message}", null);
        }
    }

    private void LogThrottle(string operation, Attempt attempt, int retry)
    {
        if (attempt.StatusCode == (int)HttpStatusCode.TooManyRequests)
        {
            ShopifyAdminLog.TooManyRequests(logger, shop.ShopDomain, operation, Ms(attempt.Wait), retry);
            return;
        }

        var cost = attempt.Response?.Extensions?.Cost;
        ShopifyAdminLog.Throttled(logger, shop.ShopDomain, operation, cost?.RequestedQueryCost ?? 0,
            cost?.ThrottleStatus?.CurrentlyAvailable ?? 0, Ms(attempt.Wait), retry);
    }

    private ShopifyAdminError FinalError(Attempt attempt, bool retrySafe) => attempt.Kind switch
    {
        AttemptKind.Throttled => new ShopifyAdminError(ShopifyAdminErrorKind.Throttled,
            $"still throttled after {options.MaxThrottleRetries} retries", attempt.StatusCode,
            attempt.Response?.Errors),
        AttemptKind.Transient when !retrySafe => attempt.Error! with
        {
            Message = attempt.Error.Message + ", not retried because the mutation has no idempotency key",
        },
        AttemptKind.Transient => attempt.Error! with
        {
            Message = $"{attempt.Error.Message}, still failing after {options.MaxRetries} retries",
        },
        _ => attempt.Error!,
    };

    private static string JoinMessages(GraphQlResponse response) =>
        string.Join("; ", response.Errors!.Select(error => error.Code is null
            ? error.Message
            : $"{error.Code}: {error.Message}"));

    private static long Ms(TimeSpan span) => (long)Math.Ceiling(span.TotalMilliseconds);
}
