using System.Security.Cryptography;
using Sintra.Hub.Infrastructure.Channels;
using Sintra.Hub.Infrastructure.Shopify;

namespace Sintra.Hub.Web.Webhooks;

/// <summary>Verifies a delivery against a channel's stored webhook secrets.</summary>
internal static class WebhookSecrets
{
    /// <summary>
    /// Returns true when the signature matches the body under any of the encrypted secrets, tried in order.
    /// Null secrets are skipped.
    /// </summary>
    public static bool AnyMatches(
        ChannelSecretProtector protector,
        ILogger logger,
        string signature,
        byte[] body,
        string?[] protectedSecrets)
    {
        foreach (var protectedSecret in protectedSecrets)
        {
            string? secret;
            try
            {
                secret = protector.Unprotect(protectedSecret);
            }
            catch (CryptographicException exception)
            {
                // A secret encrypted with a Data Protection key that is gone cannot verify anything.
                WebhookLog.SecretUnreadable(logger, exception);
                continue;
            }

            if (secret is not null && ShopifyWebhookSignature.Verify(secret, body, signature))
            {
                return true;
            }
        }

        return false;
    }
}
