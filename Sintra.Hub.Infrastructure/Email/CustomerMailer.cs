using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Sintra.Hub.Infrastructure.Email;

/// <summary>A rendered e-mail in one language: subject, plain text and HTML.</summary>
public sealed record CustomerEmail(string Subject, string Text, string Html);

/// <summary>Sends customer e-mails through SMTP, or writes them as .eml files to the pickup folder.</summary>
public sealed partial class CustomerMailer(IOptions<EmailOptions> options, ILogger<CustomerMailer> logger)
{
    public async Task SendAsync(string toAddress, string? toName, CustomerEmail email, string messageId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(new MailboxAddress(toName ?? string.Empty, toAddress));
        message.Subject = email.Subject;

        // A stable Message-ID lets a mail server drop a copy that the outbox resends after a timeout.
        message.MessageId = messageId;
        message.Body = new BodyBuilder { TextBody = email.Text, HtmlBody = email.Html }.ToMessageBody();

        if (settings.Delivery == EmailDelivery.PickupFolder)
        {
            Directory.CreateDirectory(settings.PickupFolder);
            var path = Path.Combine(settings.PickupFolder, SafeFileName(messageId) + ".eml");
            await message.WriteToAsync(path, cancellationToken);
            Log.Written(logger, messageId, path);
            return;
        }

        using var client = new SmtpClient { Timeout = settings.SmtpTimeoutSeconds * 1000 };
        var security = settings.SmtpSecurity switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.SmtpUserName))
        {
            await client.AuthenticateAsync(settings.SmtpUserName, settings.SmtpPassword ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        Log.Sent(logger, messageId, settings.SmtpHost!);
    }

    private static string SafeFileName(string messageId) =>
        new(messageId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray());

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "E-mail {MessageId} written to {Path}")]
        public static partial void Written(ILogger logger, string messageId, string path);

        [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "E-mail {MessageId} sent through {SmtpHost}")]
        public static partial void Sent(ILogger logger, string messageId, string smtpHost);
    }
}
