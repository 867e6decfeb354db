namespace Sintra.Hub.Infrastructure.Shopify.Admin;

public sealed partial class ShopifyAdminClient
{
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
