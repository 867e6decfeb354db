using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sintra.Hub.Core.Identity;
using Sintra.Hub.Tests.Support;
using Sintra.Hub.Web.Identity;

namespace Sintra.Hub.Tests.Ui;

public sealed class AdministratorSetupTests
{
    private const string OwnerEmail = "titolare@sintra.test";

    [Fact]
    public async Task GeneratedPasswordIsPrintedOnce()
    {
        var first = new CapturingFactory(null);
        try
        {
            _ = first.Services;
            var generated = Assert.Single(first.Logs.Records, r => r.EventId == 1001);
            Assert.DoesNotContain(generated.State, p => p.Key == "Password");
            var printed = first.Printed.ToString();
            var password = printed.Split('\n')[0].Split(" / ")[1].Trim();
            Assert.Contains(OwnerEmail, printed, StringComparison.Ordinal);

            using var client = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            var response = await SignInForm.PostAsync(client, OwnerEmail, password);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

            using var second = new CapturingFactory(first.DataFolder);
            _ = second.Services;
            Assert.DoesNotContain(second.Logs.Records, r => r.EventId == 1001);
            Assert.Empty(second.Printed.ToString());
        }
        finally
        {
            first.Dispose();
        }
    }

    [Fact]
    public async Task SetupCreatesRolesAndAdministrator()
    {
        using var factory = new HubAppFactory();
        using var scope = factory.Services.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HubUser>>();

        var admin = await users.FindByEmailAsync(TestUsers.AdminEmail);

        foreach (var role in HubRoles.All)
        {
            Assert.True(await roles.RoleExistsAsync(role), role);
        }

        Assert.NotNull(admin);
        Assert.True(await users.IsInRoleAsync(admin, HubRoles.Admin));
        Assert.Single(users.Users);
    }

    [Fact]
    public void GeneratedPasswordMeetsRules()
    {
        for (var i = 0; i < 50; i++)
        {
            var password = AdministratorSetup.GeneratePassword();

            Assert.Equal(20, password.Length);
            Assert.Contains(password, char.IsUpper);
            Assert.Contains(password, char.IsLower);
            Assert.Contains(password, char.IsDigit);
            Assert.Contains(password, c => !char.IsLetterOrDigit(c));
        }
    }

    [Theory]
    [InlineData("/orders", true)]
    [InlineData("/orders?status=Paid", true)]
    [InlineData("/", true)]
    [InlineData("//attacker.example", false)]
    [InlineData("/\\attacker.example", false)]
    [InlineData("https://attacker.example/", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void LocalUrlAcceptsOnlySitePaths(string? url, bool expected)
    {
        Assert.Equal(expected, LocalUrl.IsLocal(url));
    }

    /// <summary>The app with no administrator password configured, and a log that the test can read.</summary>
    private sealed class CapturingFactory(string? dataFolder) : HubAppFactory(Settings(dataFolder))
    {
        public CapturingLoggerProvider Logs { get; } = new();

        public StringWriter Printed { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
            builder.ConfigureServices(services => services.AddSingleton(new OperatorConsole(Printed)));
        }

        private static Dictionary<string, string?> Settings(string? dataFolder)
        {
            var settings = new Dictionary<string, string?>
            {
                ["Identity:Administrator:Email"] = OwnerEmail,
                ["Identity:Administrator:Password"] = string.Empty,
            };
            if (dataFolder is not null)
            {
                settings["Hub:DataFolder"] = dataFolder;
            }

            return settings;
        }
    }

    public sealed record LogRecord(int EventId, IReadOnlyList<KeyValuePair<string, object?>> State);

    public sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentBag<LogRecord> Records { get; } = [];

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(this);

        public void Dispose()
        {
        }

        private sealed class CapturingLogger(CapturingLoggerProvider provider) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(
                LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
                provider.Records.Add(new LogRecord(eventId.Id, values.ToList()));
            }
        }
    }
}
