using System.Security.Cryptography;
using System.Text;

namespace Sintra.Hub.Infrastructure.Shopify;

/// <summary>
/// The <c>X-Shopify-Hmac-Sha256</c> header: base64 of the HMAC-SHA256 of the raw request body, keyed with the
/// app's webhook secret as UTF-8.
/// </summary>
public static class ShopifyWebhookSignature
{
    private const int DigestBytes = 32;

    /// <summary>Computes the header value that Shopify sends with <paramref name="body"/>.</summary>
    public static string Compute(string secret, ReadOnlySpan<byte> body)
    {
        Span<byte> digest = stackalloc byte[DigestBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, digest);
        return Convert.ToBase64String(digest);
    }

    /// <summary>
    /// Checks a header value against the body in constant time. A header that is not base64 of exactly 32 bytes
    /// (for example a hex digest) never verifies.
    /// </summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string header)
    {
        Span<byte> received = stackalloc byte[DigestBytes + 3];
        if (!Convert.TryFromBase64String(header, received, out var written) || written != DigestBytes)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[DigestBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, received[..DigestBytes]);
    }
}
