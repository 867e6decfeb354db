using System.Security.Cryptography;
using System.Text;

namespace Sintra.Hub.Infrastructure.Integration;

/// <summary>
/// The signature of an outbound webhook: <c>X-Sintra-Signature: sha256=&lt;hex&gt;</c>, where hex is the lower-case
/// HMAC-SHA256 of the raw request body with the subscription secret as key (UTF-8).
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Sintra-Signature";
    public const string TimestampHeader = "X-Sintra-Timestamp";
    public const string DeliveryHeader = "X-Sintra-Delivery";
    public const string EventHeader = "X-Sintra-Event";

    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Returns true when the header matches the signature of the raw body, compared in constant time.</summary>
    public static bool Verify(string secret, byte[] body, string? header)
    {
        if (header is null)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, body));
        var actual = Encoding.ASCII.GetBytes(header);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    /// <summary>Creates a signing secret: 32 random bytes as URL-safe Base64, with a <c>whsec_</c> prefix.</summary>
    public static string NewSecret() =>
        "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
