using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sintra.Hub.Infrastructure.Shopify.Admin;

/// <summary>Body of a GraphQL POST: <c>{ "query", "variables", "operationName" }</c>.</summary>
public sealed record GraphQlRequest(
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("variables")] IReadOnlyDictionary<string, object?> Variables,
    [property: JsonPropertyName("operationName")] string OperationName);

/// <summary>One entry of the top-level <c>errors</c> array.</summary>
public sealed record GraphQlError(string Message, GraphQlErrorExtensions? Extensions)
{
    public string? Code => Extensions?.Code;
}

public sealed record GraphQlErrorExtensions(string? Code);

/// <summary>
/// The <c>extensions.cost</c> object that the Admin API adds to every response. <c>actualQueryCost</c> is null
/// when the request was throttled and did not run.
/// </summary>
public sealed record QueryCost(double RequestedQueryCost, double? ActualQueryCost, ThrottleStatus? ThrottleStatus);

/// <summary>
/// State of the shop's leaky bucket after the request: capacity, points left and points restored per second.
/// </summary>
public sealed record ThrottleStatus(double MaximumAvailable, double CurrentlyAvailable, double RestoreRate);

/// <summary>A <c>userErrors</c> entry of a mutation payload.</summary>
public sealed record ShopifyUserError(string? Code, IReadOnlyList<string>? Field, string Message);

internal sealed record GraphQlResponseExtensions(QueryCost? Cost);

internal sealed record GraphQlResponse(JsonElement? Data, IReadOnlyList<GraphQlError>? Errors,
    GraphQlResponseExtensions? Extensions)
{
    public static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    public static GraphQlResponse? Parse(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<GraphQlResponse>(body, SerializerOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public bool HasErrorCode(string code) =>
        Errors?.Any(error => string.Equals(error.Code, code, StringComparison.Ordinal)) == true;

    public T? DataAs<T>()
    {
        if (Data is not { ValueKind: JsonValueKind.Object } data)
        {
            return default;
        }

        try
        {
            return data.Deserialize<T>(SerializerOptions);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
