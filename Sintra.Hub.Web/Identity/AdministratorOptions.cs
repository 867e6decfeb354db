using System.ComponentModel.DataAnnotations;

namespace Sintra.Hub.Web.Identity;

/// <summary>The <c>Identity:Administrator</c> section: the first administrator, created when no user exists.</summary>
public sealed class AdministratorOptions
{
    public const string SectionName = "Identity:Administrator";

    [Required]
    [EmailAddress]
    public string Email { get; set; } = "admin@localhost";

    /// <summary>
    /// Password of the first administrator. When empty, a strong one is generated and written once to the log and
    /// the console.
    /// </summary>
    [MinLength(IdentityRegistration.MinimumPasswordLength)]
    public string? Password { get; set; }
}
