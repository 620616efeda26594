using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WhatsApp.Tests.Browser;

[TestFixture]
[Category("Browser")]
public sealed class InboxSignInTests
{
    private InboxHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await InboxHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task Inbox_WithoutSignIn_RedirectsToSignIn()
    {
        var page = await _host.NewPageAsync();
        await page.GotoAsync("/inbox/conversations/%2B447700900001");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/inbox/login\\?ReturnUrl="));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    [Test]
    public async Task SignIn_WithRightPassword_ShowsConversationsAndWhoIsSignedIn()
    {
        var page = await _host.SignedInAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Conversations" })).ToBeVisibleAsync();
        await Expect(page.Locator(".who")).ToHaveTextAsync("Ada Agent · agent");
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "whatsapp_inbox");
        Assert.Multiple(() =>
        {
            Assert.That(cookie.HttpOnly, Is.True);
            Assert.That(cookie.SameSite, Is.EqualTo(SameSiteAttribute.Strict));
            Assert.That(cookie.Secure, Is.True, "Secure outside Development");
        });
    }

    [Test]
    public async Task SignIn_AfterLogin_ReturnsToThePageAskedFor()
    {
        var page = await _host.NewPageAsync();
        await page.GotoAsync("/inbox/conversations/%2B447700900002");
        await page.GetByLabel("Email").FillAsync(InboxHost.AgentEmail);
        await page.GetByLabel("Password").FillAsync(InboxHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "+447700900002" })).ToBeVisibleAsync();
    }

    [Test]
    public async Task SignIn_WithWrongPassword_SaysSoAndStaysSignedOut()
    {
        var page = await _host.NewPageAsync();
        await InboxHost.SignInAsync(page, InboxHost.AdminEmail, "not-the-password");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong email or password.");
        await page.GotoAsync("/inbox");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/inbox/login"));
    }

    [Test]
    public async Task SignIn_AfterFiveWrongPasswords_LocksTheAccountEvenForTheRightOne()
    {
        var host = await InboxHost.StartAsync();
        await using var _ = host;
        var page = await host.NewPageAsync();
        for (var i = 0; i < 5; i++)
        {
            await InboxHost.SignInAsync(page, InboxHost.AgentEmail, "wrong-password-" + i);
        }

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("locked");
        await InboxHost.SignInAsync(page, InboxHost.AgentEmail, InboxHost.Password);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("locked");
        await page.GotoAsync("/inbox");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/inbox/login"));
    }

    [Test]
    public async Task SignOut_EndsTheSession()
    {
        var page = await _host.SignedInAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/inbox/login"));
        await page.GotoAsync("/inbox");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/inbox/login"));
        Assert.That((await page.Context.CookiesAsync()).Any(c => c.Name == "whatsapp_inbox"), Is.False);
    }
}
