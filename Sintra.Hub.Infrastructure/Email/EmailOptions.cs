using System.ComponentModel.DataAnnotations;

namespace Sintra.Hub.Infrastructure.Email;

/// <summary>The <c>Email</c> section: how customer e-mails leave the hub.</summary>
public sealed class EmailOptions : IValidatableObject
{
    public const string SectionName = "Email";

    /// <summary><see cref="EmailDelivery.PickupFolder"/> writes .eml files; <see cref="EmailDelivery.Smtp"/> sends them.</summary>
    public EmailDelivery Delivery { get; set; } = EmailDelivery.PickupFolder;

    /// <summary>Folder for .eml files; a relative path is taken under the hub's data folder.</summary>
    [Required]
    public string PickupFolder { get; set; } = "mail";

    [Required]
    [EmailAddress]
    public string FromAddress { get; set; } = "returns@sintra-hub.invalid";

    public string FromName { get; set; } = "Sintra Hub";

    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    public SmtpSecurity SmtpSecurity { get; set; } = SmtpSecurity.StartTls;

    public string? SmtpUserName { get; set; }

    /// <summary>SMTP password; never logged or shown.</summary>
    public string? SmtpPassword { get; set; }

    /// <summary>Seconds to wait for the SMTP server before the delivery fails and the outbox retries it.</summary>
    [Range(1, 600)]
    public int SmtpTimeoutSeconds { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Delivery == EmailDelivery.Smtp && string.IsNullOrWhiteSpace(SmtpHost))
        {
            yield return new ValidationResult(
                "Email:SmtpHost is missing; set the SMTP server's host name or use Email:Delivery=PickupFolder.",
                [nameof(SmtpHost)]);
        }

        if (!string.IsNullOrEmpty(SmtpUserName) && string.IsNullOrEmpty(SmtpPassword))
        {
            yield return new ValidationResult(
                "Email:SmtpPassword is missing for the configured Email:SmtpUserName.",
                [nameof(SmtpPassword)]);
        }
    }

    /// <summary>Describes the delivery for logs, without the password.</summary>
    public override string ToString() => Delivery == EmailDelivery.Smtp
        ? $"SMTP {SmtpHost}:{SmtpPort} ({SmtpSecurity}, user {(string.IsNullOrEmpty(SmtpUserName) ? "none" : SmtpUserName)})"
        : $"pickup folder {PickupFolder}";
}

public enum EmailDelivery
{
    PickupFolder,
    Smtp,
}

/// <summary>How the SMTP connection is protected.</summary>
public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}
