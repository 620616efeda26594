using System.Text.Json;
using Microsoft.Playwright;
using WhatsApp.Tests.Functional;
using static Microsoft.Playwright.Assertions;

namespace WhatsApp.Tests.Browser;

[TestFixture]
[Category("Browser")]
public sealed class InboxConversationTests
{
    private InboxHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await InboxHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task InboundMessage_AppearsInTheOpenListWithinTwoSecondsWithoutAReload()
    {
        var page = await _host.SignedInAsync();
        await page.EvaluateAsync("window.notReloaded = true");
        await _host.InboundAsync("+447700900101", "Where is my order 1234?");

        var row = page.Locator(".conversations li", new() { HasText = "+447700900101" });
        await Expect(row).ToContainTextAsync("Where is my order 1234?", new() { Timeout = 2000 });
        Assert.That(await page.EvaluateAsync<bool>("window.notReloaded === true"), Is.True, "the page was not reloaded");
        await InboxHost.ScreenshotAsync(page, "conversations");
    }

    [Test]
    public async Task Reply_GoesOutAtOnceAsQueuedAndItsTicksMoveToRead()
    {
        await _host.InboundAsync("+447700900102", "Hello, can you help?");
        var page = await _host.SignedInAsync();
        await page.GotoAsync("/inbox/conversations/%2B447700900102");
        await page.GetByLabel("Your reply").FillAsync("Of course, what do you need?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        var reply = page.Locator(".message.outbound", new() { HasText = "Of course, what do you need?" });
        await Expect(reply).ToContainTextAsync("by " + InboxHost.AgentEmail);
        await Expect(reply.Locator(".status")).ToContainTextAsync("read", new() { Timeout = 15000 });
        await Expect(reply).ToHaveAttributeAsync("data-status", "read");
        await InboxHost.ScreenshotAsync(page, "conversation");

        // The API shows who wrote it.
        var id = await LatestOutboundIdAsync("+447700900102");
        using var client = _host.Factory.CreateClientWithKey(TestApiKeys.Agent);
        using var message = JsonDocument.Parse(await client.GetStringAsync($"/api/messages/{id}"));
        Assert.That(message.RootElement.GetProperty("sent_by").GetString(), Is.EqualTo(InboxHost.AgentEmail));
    }

    [Test]
    public async Task Composer_EnterSendsAndShiftEnterBreaksTheLine()
    {
        await _host.InboundAsync("+447700900103", "Hi");
        var page = await _host.SignedInAsync();
        await page.GotoAsync("/inbox/conversations/%2B447700900103");
        var box = page.GetByLabel("Your reply");
        await box.FocusAsync();
        await page.Keyboard.TypeAsync("first line");
        await page.Keyboard.PressAsync("Shift+Enter");
        await page.Keyboard.TypeAsync("second line");
        Assert.That(await box.InputValueAsync(), Is.EqualTo("first line\nsecond line"));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator(".message.outbound .body")).ToHaveTextAsync("first line\nsecond line");
    }

    [Test]
    public async Task ClosedWindow_ComposerOffersOnlyATemplateAndSaysWhy()
    {
        var page = await _host.SignedInAsync();
        await page.GotoAsync("/inbox/conversations/%2B447700900104");
        await Expect(page.Locator(".window-closed")).ToContainTextAsync("only an approved template");
        Assert.That(await page.GetByLabel("Your reply").CountAsync(), Is.Zero, "no free-text box");

        await page.GetByLabel("Template name").FillAsync("order_update");
        await page.GetByLabel("Language").FillAsync("en_US");
        await page.GetByLabel("Parameters, one per line").FillAsync("Ada\n1234");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send template" }).ClickAsync();
        await Expect(page.Locator(".message.outbound")).ToContainTextAsync("order_update");
    }

    [Test]
    public async Task ClosedWindow_BadTemplateName_ShowsTheProblemAndSendsNothing()
    {
        var page = await _host.SignedInAsync();
        await page.GotoAsync("/inbox/conversations/%2B447700900105");

        // The browser's own pattern check is bypassed, as a hostile client would.
        await page.GetByLabel("Template name").EvaluateAsync("e => e.removeAttribute('pattern')");
        await page.GetByLabel("Template name").FillAsync("Not A Name");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send template" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("a-z, 0-9 and _");
        await Expect(page.Locator(".message")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task CustomerMarkup_ShowsLiterallyAndNoScriptRuns()
    {
        const string Hostile = "<img src=x onerror=alert(1)> and <script>alert(2)</script>";
        await _host.InboundAsync("+447700900106", Hostile);
        var page = await _host.SignedInAsync();
        await Expect(page.Locator(".conversations li", new() { HasText = "+447700900106" })).ToContainTextAsync(Hostile);
        await page.GotoAsync("/inbox/conversations/%2B447700900106");
        await Expect(page.Locator(".message.inbound .body")).ToHaveTextAsync(Hostile);
        Assert.Multiple(async () =>
        {
            Assert.That(await page.Locator(".thread img").CountAsync(), Is.Zero, "no element made from the text");
            Assert.That(await page.Locator(".thread script").CountAsync(), Is.Zero);
            Assert.That(_host.Dialogs, Is.Empty, "no script ran");
        });
    }

    [Test]
    public async Task NarrowScreen_NeedsNoHorizontalScrolling()
    {
        await _host.InboundAsync("+447700900107", "A long message " + new string('x', 300));
        var page = await _host.SignedInAsync(width: 390);
        Assert.That(await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(390));
        await page.GotoAsync("/inbox/conversations/%2B447700900107");
        Assert.That(await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(390));
        await InboxHost.ScreenshotAsync(page, "narrow");

        var admin = await _host.SignedInAsync(InboxHost.AdminEmail, width: 390);
        await admin.GotoAsync("/inbox/users");
        Assert.That(await admin.EvaluateAsync<int>("document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(390), "the users page too");
    }

    [Test]
    public async Task Reply_WithoutAntiforgeryToken_IsRefusedAndSendsNothing()
    {
        await _host.InboundAsync("+447700900108", "Hi");
        var page = await _host.SignedInAsync();
        await page.GotoAsync("/inbox/conversations/%2B447700900108");
        var status = await page.EvaluateAsync<int>(
            "async () => (await fetch(location.pathname + '?handler=Reply', { method: 'POST', body: new URLSearchParams({ body: 'forged' }) })).status");
        Assert.That(status, Is.EqualTo(400));
        await page.ReloadAsync();
        await Expect(page.Locator(".message.outbound")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task ConversationPage_WithABadNumber_Answers400NamingIt()
    {
        var page = await _host.SignedInAsync();
        var response = await page.GotoAsync("/inbox/conversations/not-a-number");
        Assert.That(response!.Status, Is.EqualTo(400));
        Assert.That(await response.TextAsync(), Does.Contain("contact"));
    }

    private async Task<string> LatestOutboundIdAsync(string contact)
    {
        using var client = _host.Factory.CreateClientWithKey(TestApiKeys.Agent);
        using var timeline = JsonDocument.Parse(await client.GetStringAsync($"/api/conversations/{Uri.EscapeDataString(contact)}/messages"));
        return timeline.RootElement.GetProperty("items").EnumerateArray()
            .First(m => m.GetProperty("direction").GetString() == "outbound").GetProperty("id").GetString()!;
    }
}
