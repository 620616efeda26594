using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace WhatsApp.Api.Auth;

/// <summary>
/// Authenticates <c>X-Api-Key: …</c> or <c>Authorization: Bearer …</c>; 401 and 403 come back as problem details.
/// An invalid key is logged (address and header, never the key) and counted against the client's address
/// (<see cref="FailedAuthenticationTracker"/>). Once an address has used up its own allowance, it gets 429 with
/// Retry-After for every key except one that authenticated from that address within the last hour
/// (<see cref="RecentAuthentications"/>): a valid key new to the address is refused exactly like an invalid one, so
/// a throttled guesser learns nothing, while a client already working from a shared address keeps working through
/// someone else's failures. Before the throttle, and from addresses only in the shared overflow, a valid key passes.
/// </summary>
public sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys,
    FailedAuthenticationTracker failures,
    RecentAuthentications recent,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    private const string AuthorizationHeader = "Authorization";
    private static readonly object ThrottledItem = new();

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var (presented, header) = PresentedKey();
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var key = keys.Find(presented);
        var address = Context.Connection.RemoteIpAddress;
        if (key is null)
        {
            RecordFailure(address, header);
            return Task.FromResult(AuthenticateResult.Fail("Invalid API key."));
        }

        if (failures.ThrottledFor(address) is { } retryAfter && !recent.Contains(address, key.Name))
        {
            // Answered like an invalid key: a 200 here would tell a throttled guesser which guess was right.
            Context.Items[ThrottledItem] = retryAfter;
            LogUnknownKeyThrottled(Logger, address?.ToString() ?? "unknown", header);
            return Task.FromResult(AuthenticateResult.Fail("Address throttled."));
        }

        recent.Record(address, key.Name);
        Claim[] claims = [new(ClaimTypes.Name, key.Name), new(ClaimTypes.Role, key.Role)];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[ThrottledItem] is TimeSpan retryAfter)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await WriteProblemAsync("Too many failed authentication attempts", $"Too many invalid API keys came from this address. Retry after {seconds} s.");
            return;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer, ApiKey header=\"X-Api-Key\"";
        await WriteProblemAsync("Unauthorized", "A valid API key is required in the X-Api-Key header or as Authorization: Bearer <key>.");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await WriteProblemAsync("Forbidden", "This API key's role does not allow this operation.");
    }

    private void RecordFailure(IPAddress? address, string header)
    {
        var outcome = failures.RecordFailure(address);
        var shown = address?.ToString() ?? "unknown";
        if (!outcome.Throttled)
        {
            LogInvalidKey(Logger, shown, header);
            return;
        }

        Context.Items[ThrottledItem] = outcome.RetryAfter;

        // One warning per address and window; the rest would let a guesser fill the log as fast as it guesses.
        if (outcome.JustThrottled)
        {
            LogThrottled(Logger, shown, header, (int)Math.Ceiling(outcome.RetryAfter.TotalSeconds));
        }
        else
        {
            LogThrottledAgain(Logger, shown, header);
        }
    }

    private (string? Key, string Header) PresentedKey()
    {
        if (Request.Headers.TryGetValue(HeaderName, out var header) && !string.IsNullOrEmpty(header))
        {
            return (header.ToString(), HeaderName);
        }

        var authorization = Request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase)
            ? (authorization[bearer.Length..].Trim(), AuthorizationHeader)
            : (null, AuthorizationHeader);
    }

    private async Task WriteProblemAsync(string title, string detail) =>
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = Response.StatusCode, Title = title, Detail = detail },
        });

    [LoggerMessage(EventId = 5200, Level = LogLevel.Warning, Message = "Invalid API key from {RemoteAddress} in the {Header} header")]
    private static partial void LogInvalidKey(ILogger logger, string remoteAddress, string header);

    [LoggerMessage(
        EventId = 5201,
        Level = LogLevel.Warning,
        Message = "Too many invalid API keys from {RemoteAddress} (last in the {Header} header): further invalid keys from it get 429 for {RetryAfterSeconds} s and are logged at Debug only")]
    private static partial void LogThrottled(ILogger logger, string remoteAddress, string header, int retryAfterSeconds);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Debug, Message = "Invalid API key from {RemoteAddress} in the {Header} header, throttled")]
    private static partial void LogThrottledAgain(ILogger logger, string remoteAddress, string header);

    [LoggerMessage(
        EventId = 5203,
        Level = LogLevel.Debug,
        Message = "A valid API key that had not authenticated from {RemoteAddress} lately came in the {Header} header while the address is throttled: answered 429")]
    private static partial void LogUnknownKeyThrottled(ILogger logger, string remoteAddress, string header);
}
