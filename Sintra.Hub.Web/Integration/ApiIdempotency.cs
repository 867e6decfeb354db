using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sintra.Hub.Core.Integration;
using Sintra.Hub.Core.Persistence;
using Sintra.Hub.Infrastructure.Integration;

namespace Sintra.Hub.Web.Integration;

/// <summary>
/// The <c>Idempotency-Key</c> rules of write endpoints: a key is required, the first successful response is stored
/// under the API key and the header value, and a repeated key with the same method, path and body returns it again.
/// </summary>
internal static class ApiIdempotency
{
    public const int MaxKeyLength = 100;

    /// <summary>Reads the header, adding an error to <paramref name="errors"/> when it is missing or too long.</summary>
    public static string ReadKey(HttpContext context, IDictionary<string, string[]> errors)
    {
        var key = context.Request.Headers[StockApi.IdempotencyHeader].ToString().Trim();
        if (key.Length is 0 or > MaxKeyLength)
        {
            errors[StockApi.IdempotencyHeader] = [$"The {StockApi.IdempotencyHeader} header is "
                + (key.Length == 0 ? "missing" : $"longer than {MaxKeyLength} characters")
                + "; send a unique value per change, such as a UUID, and repeat it only when retrying the same change."];
        }

        return key;
    }

    public static Guid ApiKeyId(HttpContext context) =>
        Guid.Parse(context.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)!.Value);

    /// <summary>Computes the SHA-256 of the method, path and JSON body, as lower-case hex.</summary>
    public static string RequestHash(HttpContext context, object input) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{context.Request.Method} {context.Request.Path}\n{JsonSerializer.Serialize(input, WebhookPublisher.Json)}")));

    /// <summary>
    /// Returns the stored response of the key, a 422 problem when the key was used for another request, or null when
    /// the key is new.
    /// </summary>
    public static async Task<IResult?> ReplayAsync(
        HubDbContext db, Guid apiKeyId, string key, string requestHash, CancellationToken cancellationToken)
    {
        var record = await db.ApiIdempotencyRecords.AsNoTracking()
            .SingleOrDefaultAsync(r => r.ApiKeyId == apiKeyId && r.Key == key, cancellationToken);
        if (record is null)
        {
            return null;
        }

        if (record.RequestHash != requestHash)
        {
            return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "Idempotency key reused",
                $"The {StockApi.IdempotencyHeader} '{key}' was used for a different request; send a new key for a new change.");
        }

        return Results.Text(record.ResponseBody, "application/json", Encoding.UTF8, record.StatusCode);
    }

    /// <summary>Adds the record of a successful response; the caller saves it.</summary>
    public static void Add(
        HubDbContext db, Guid apiKeyId, string key, string requestHash, int statusCode, string body, DateTime now) =>
        db.ApiIdempotencyRecords.Add(new ApiIdempotencyRecord
        {
            ApiKeyId = apiKeyId,
            Key = key,
            RequestHash = requestHash,
            StatusCode = statusCode,
            ResponseBody = body,
            CreatedAt = now,
        });
}
