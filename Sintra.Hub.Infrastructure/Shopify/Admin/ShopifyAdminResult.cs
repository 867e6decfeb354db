namespace Sintra.Hub.Infrastructure.Shopify.Admin;

/// <summary>Category of a failed Admin API call, so callers can decide without parsing messages.</summary>
public enum ShopifyAdminErrorKind
{
    /// <summary>HTTP 401: the access token is missing, invalid or revoked.</summary>
    Unauthorized,

    /// <summary>HTTP 403 or an <c>ACCESS_DENIED</c> error: the token lacks a scope the operation needs.</summary>
    AccessDenied,

    /// <summary>HTTP 404: the shop domain or the API version does not exist.</summary>
    NotFound,

    /// <summary>Still throttled after the configured number of throttle retries.</summary>
    Throttled,

    /// <summary>5xx, <c>INTERNAL_SERVER_ERROR</c>, a timeout or a network error after the configured retries.</summary>
    Unavailable,

    /// <summary>The server rejected the document or its variables (GraphQL errors, other 4xx).</summary>
    Rejected,

    /// <summary>The response was not the JSON shape this client expects.</summary>
    InvalidResponse,
}

/// <summary>An expected failure of an Admin API call.</summary>
/// <param name="Kind">Category of the failure.</param>
/// <param name="Message">What failed, for logs and the operator.</param>
/// <param name="StatusCode">HTTP status of the last attempt, when a response arrived.</param>
/// <param name="Errors">Top-level GraphQL errors of the last response.</param>
public sealed record ShopifyAdminError(ShopifyAdminErrorKind Kind, string Message, int? StatusCode = null,
    IReadOnlyList<GraphQlError>? Errors = null);

/// <summary>A value, or the error that prevented it.</summary>
public sealed record ShopifyResult<T>(T? Value, ShopifyAdminError? Error)
{
    public bool IsSuccess => Error is null;

    public static ShopifyResult<T> Success(T value) => new(value, null);

    public static ShopifyResult<T> Failure(ShopifyAdminError error) => new(default, error);

    /// <summary>Returns the value, or throws for a caller that has already checked <see cref="IsSuccess"/>.</summary>
    public T GetValueOrThrow() =>
        Error is null ? Value! : throw new InvalidOperationException($"Shopify call failed: {Error.Message}");
}
