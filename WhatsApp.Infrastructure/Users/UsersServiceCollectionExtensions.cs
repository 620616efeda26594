using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WhatsApp.Infrastructure.Persistence;

namespace WhatsApp.Infrastructure.Users;

public static partial class UsersServiceCollectionExtensions
{
    /// <summary>
    /// ASP.NET Core Identity for the inbox's users, stored with EF Core: passwords of at least 12 characters (length,
    /// not character classes, as NIST SP 800-63B advises), a 15-minute lockout after 5 wrong passwords, unique emails.
    /// </summary>
    public static IServiceCollection AddInboxUsers(this IServiceCollection services)
    {
        services.AddOptions<InboxUserOptions>().BindConfiguration(InboxUserOptions.SectionName);
        services.AddIdentityCore<InboxUser>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = o.Password.RequireLowercase = o.Password.RequireUppercase = o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = true;
            })
            .AddEntityFrameworkStores<WhatsAppDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<InboxClaimsFactory>();

        // "Confirmed" means not disabled: Identity then refuses a disabled user's sign-in as NotAllowed.
        services.AddScoped<IUserConfirmation<InboxUser>, EnabledUsersOnly>();
        services.AddScoped<InboxUsers>();
        return services;
    }

    /// <summary>Creates each configured sample user that does not exist yet (Development's, from appsettings.Development.json).</summary>
    public static async Task SeedInboxUsersAsync(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        await using var scope = services.CreateAsyncScope();
        var samples = scope.ServiceProvider.GetRequiredService<IOptions<InboxUserOptions>>().Value.SampleUsers;
        var users = scope.ServiceProvider.GetRequiredService<InboxUsers>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UsersServiceCollectionExtensions));
        foreach (var sample in samples)
        {
            if (await users.FindByEmailAsync(sample.Email) is not null)
            {
                continue;
            }

            var created = await users.CreateAsync(sample.Email, sample.Name, sample.Password, sample.Role);
            if (created.User is null)
            {
                throw new InvalidOperationException(
                    $"Sample inbox user {sample.Email} could not be created: {string.Join(" ", created.Errors.SelectMany(e => e.Value))}");
            }

            LogSeeded(logger, sample.Role, sample.Email);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the sample inbox {Role} {Email} (configuration Inbox:SampleUsers); never use these outside Development")]
    private static partial void LogSeeded(ILogger logger, string role, string email);
}
