using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WhatsApp.Tests.Fakes;
using WhatsApp.Tests.Functional;
using WhatsApp.Tests.Functional.Webhooks;
using WhatsApp.Tests.Unit.Container;

namespace WhatsApp.Tests.Browser;

/// <summary>
/// The service on a real port (Kestrel on 127.0.0.1) with the simulator and two sample users, and Debian's Chromium
/// driven by Playwright (launched through its path: Playwright cannot download browsers here).
/// </summary>
internal sealed class InboxHost : IAsyncDisposable
{
    public const string AgentEmail = "agent@example.com";
    public const string AdminEmail = "admin@example.com";
    public const string Password = "a-long-test-password";
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly Uri PublicBaseUrl = new("https://gateway.example.com");
    private readonly WhatsAppApiFactory _factory;
    private readonly bool _plivo;
    private IPlaywright? _playwright;

    private InboxHost(WhatsAppApiFactory factory, bool plivo) => (_factory, _plivo) = (factory, plivo);

    public Uri BaseUrl { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public WhatsAppApiFactory Factory => _factory;

    /// <summary>With <paramref name="plivo"/>, messages go to that fake Plivo and inbound ones come as its signed webhooks.</summary>
    public static async Task<InboxHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, FakePlivoServer? plivo = null)
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.Fail($"The browser tests need Debian's chromium at {ChromiumPath} (apt-get install chromium; .ci/run installs it).");
        }

        var all = new Dictionary<string, string?>
        {
            ["Messaging:CustomerServiceWindow"] = "Enforce",
            ["Inbox:SampleUsers:0:Email"] = AgentEmail,
            ["Inbox:SampleUsers:0:Name"] = "Ada Agent",
            ["Inbox:SampleUsers:0:Role"] = "agent",
            ["Inbox:SampleUsers:0:Password"] = Password,
            ["Inbox:SampleUsers:1:Email"] = AdminEmail,
            ["Inbox:SampleUsers:1:Name"] = "Alan Admin",
            ["Inbox:SampleUsers:1:Role"] = "admin",
            ["Inbox:SampleUsers:1:Password"] = Password,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        if (plivo is not null)
        {
            all["Plivo:PublicBaseUrl"] = PublicBaseUrl.ToString();
        }

        var factory = new WhatsAppApiFactory(plivo?.BaseUrl, dispatch: true, settings: all);
        var host = new InboxHost(factory, plivo is not null);
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        host._playwright = await Playwright.CreateAsync();
        host.Browser = await host._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true });
        return host;
    }

    /// <summary>A fresh browser (no cookies) at 1280×800, or 390 px wide as a phone.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();

        // A script that runs (an XSS) would open a dialog; none may.
        page.Dialog += (_, dialog) => Dialogs.Add(dialog.Message);
        return page;
    }

    public List<string> Dialogs { get; } = [];

    public async Task<IPage> SignedInAsync(string email = AgentEmail, int width = 1280)
    {
        var page = await NewPageAsync(width);
        await SignInAsync(page, email, Password);
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(BaseUrl, "/inbox").ToString());
        return page;
    }

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/inbox/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>An inbound message, as the simulator's webhook, or Plivo's signed one, would bring it.</summary>
    public async Task InboundAsync(string from, string text)
    {
        if (_plivo)
        {
            using var webhooks = _factory.CreateClient();
            var form = WebhookTestHost.InboundForm(Guid.NewGuid().ToString(), from.TrimStart('+'), text);
            using var signed = PlivoWebhookSigner.SignedFormPost(new Uri(PublicBaseUrl, "/api/webhooks/plivo"), form, FakePlivoServer.DefaultAuthToken);

            // Signed for the public address Plivo would call; sent to this one.
            signed.RequestUri = new Uri(BaseUrl, "/api/webhooks/plivo");
            using var acknowledged = await webhooks.SendAsync(signed);
            Assert.That(acknowledged.StatusCode, Is.EqualTo(HttpStatusCode.OK), await acknowledged.Content.ReadAsStringAsync());
            return;
        }

        using var client = _factory.CreateClientWithKey(TestApiKeys.Admin);
        using var response = await client.PostAsJsonAsync("/api/admin/simulator/inbound", new { from, to = TestApiKeys.DefaultSender, message = text });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
    }

    /// <summary>Writes a screenshot the README shows (<c>docs/inbox-*.png</c>).</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryFiles.Root, "docs", $"inbox-{name}.png"), FullPage = false });

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }
}
