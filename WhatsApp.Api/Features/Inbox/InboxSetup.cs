using Microsoft.AspNetCore.Identity;
using WhatsApp.Api.Auth;

namespace WhatsApp.Api.Features.Inbox;

/// <summary>
/// The support inbox: Razor Pages under <c>/inbox</c> for signed-in users (a cookie, not an API key), their static
/// assets, a strict Content-Security-Policy and the live-update stream.
/// </summary>
public static class InboxSetup
{
    public const string CookieName = "whatsapp_inbox";

    public static IServiceCollection AddInbox(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features/Inbox";
            o.Conventions.AuthorizeFolder("/", Policies.Inbox);
            o.Conventions.AllowAnonymousToPage("/Login");
            o.Conventions.AuthorizePage("/Users", Policies.InboxAdmin);
        });
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/inbox/login";
            o.LogoutPath = "/inbox/logout";
            o.AccessDeniedPath = "/inbox/denied";
        });

        // A disabled user's or reset password's session ends within a minute (the security stamp is checked that often).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddSingleton<InboxUpdates>();
        return services;
    }

    /// <summary>Static assets, and the inbox's security headers on every <c>/inbox</c> response.</summary>
    public static void UseInboxAssets(this WebApplication app)
    {
        app.UseStaticFiles();
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/inbox"))
            {
                var headers = context.Response.Headers;

                // Scripts and styles only from our own files: customer content that slipped past encoding could not run.
                // Images may come from any https host: a media message's thumbnail is where Plivo or the sender keeps it.
                headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; "
                    + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XFrameOptions = "DENY";
            }

            return next(context);
        });
    }

    public static void MapInbox(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapGet("/inbox/events", (HttpContext http, InboxUpdates stream, CancellationToken ct) =>
                TypedResults.ServerSentEvents(stream.ReadAsync(http.Request.Headers["Last-Event-ID"], ct)))
            .RequireAuthorization(Policies.Inbox)
            .ExcludeFromDescription();
    }

}
