using System.ComponentModel.DataAnnotations;

namespace Sintra.Hub.Web.Identity;

/// <summary>The <c>Identity:Administrator</c> section: the first administrator, created when no user exists.</summary>
public sealed class AdministratorOptions : IValidatableObject
{
    public const string SectionName = "Identity:Administrator";

    [Required]
    [EmailAddress]
    public string Email { get; set; } = "admin@localhost";

    /// <summary>
    /// Password of the first administrator. When missing or empty, a strong one is generated and written once to the
    /// log and the console.
    /// </summary>
    public string? Password { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Identity checks the other password rules when it creates the user. The length is checked here, so that a
        // short password fails at start-up with the setting's name.
        if (!string.IsNullOrEmpty(Password) && Password.Length < IdentityRegistration.MinimumPasswordLength)
        {
            yield return new ValidationResult(
                $"Identity:Administrator:Password must have at least {IdentityRegistration.MinimumPasswordLength} "
                + "characters; leave it empty to have a password generated.",
                [nameof(Password)]);
        }
    }
}
