using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sintra.Hub.Core.Identity;

namespace Sintra.Hub.Web.Identity;

/// <summary>Creates the roles and, in a database without users, the first administrator.</summary>
public sealed partial class AdministratorSetup(
    RoleManager<IdentityRole> roles,
    UserManager<HubUser> users,
    IOptions<AdministratorOptions> options,
    OperatorConsole console,
    ILogger<AdministratorSetup> logger)
{
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";
    private const string Symbols = "!#$%*+-=?@_";

    /// <summary>
    /// Adds the missing roles of <see cref="HubRoles.All"/>, then the administrator when no user exists. A generated
    /// password is printed only here, so it appears once: on the start that creates the first user.
    /// </summary>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        foreach (var role in HubRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }

        if (await users.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var settings = options.Value;
        var generated = string.IsNullOrEmpty(settings.Password);
        var password = generated ? GeneratePassword() : settings.Password!;
        var admin = new HubUser
        {
            UserName = settings.Email,
            Email = settings.Email,
            EmailConfirmed = true,
            DisplayName = "Administrator",
        };

        Check(await users.CreateAsync(admin, password), $"create the administrator {settings.Email}");
        Check(await users.AddToRoleAsync(admin, HubRoles.Admin), $"add {settings.Email} to {HubRoles.Admin}");
        if (generated)
        {
            // The password goes to the console only: log sinks keep what they receive, and a password must not
            // outlive this first start there.
            LogGeneratedPassword(settings.Email);
            console.WriteLine($"Sintra Hub administrator created: {settings.Email} / {password}");
            console.WriteLine("This password is shown only once. Sign in and keep it safe.");
        }
        else
        {
            LogAdministratorCreated(settings.Email);
        }
    }

    /// <summary>Generates a 20-character password with every character class that the password rules require.</summary>
    public static string GeneratePassword()
    {
        const string all = Lower + Upper + Digits + Symbols;
        var chars = new List<char>
        {
            Pick(Lower), Pick(Upper), Pick(Digits), Pick(Symbols),
        };
        while (chars.Count < 20)
        {
            chars.Add(Pick(all));
        }

        var shuffled = chars.ToArray();
        RandomNumberGenerator.Shuffle(shuffled.AsSpan());
        return new string(shuffled);
    }

    private static char Pick(string set) => set[RandomNumberGenerator.GetInt32(set.Length)];

    private static void Check(IdentityResult result, string action)
    {
        if (!result.Succeeded)
        {
            var errors = string.Join(" ", result.Errors.Select(e => e.Description));
            throw new InvalidOperationException(
                $"Failed to {action}: {errors} Check Identity:Administrator in the configuration.");
        }
    }

    // The generated password is logged on purpose, once, because without it the administrator could not sign in.
    [LoggerMessage(1001, LogLevel.Warning,
        "Created the administrator {Email} with a generated password, printed once to the console")]
    private partial void LogGeneratedPassword(string email);

    [LoggerMessage(1002, LogLevel.Information, "Created the administrator {Email} from the configuration")]
    private partial void LogAdministratorCreated(string email);
}
