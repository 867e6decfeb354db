namespace Sintra.Hub.Web.Identity;

/// <summary>Log messages of the sign-in page; the password is never logged.</summary>
public static partial class SignInLog
{
    [LoggerMessage(1010, LogLevel.Information, "User {Email} signed in")]
    public static partial void Succeeded(ILogger logger, string email);

    [LoggerMessage(1011, LogLevel.Warning, "Sign-in failed for {Email}: wrong e-mail or password")]
    public static partial void Failed(ILogger logger, string email);

    [LoggerMessage(1012, LogLevel.Warning, "Sign-in rejected for {Email}: the account is locked out")]
    public static partial void LockedOut(ILogger logger, string email);
}
