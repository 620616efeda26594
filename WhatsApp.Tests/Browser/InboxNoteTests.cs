using Microsoft.Playwright;
using WhatsApp.Tests.Fakes;
using WhatsApp.Tests.Reliability;
using static Microsoft.Playwright.Assertions;

namespace WhatsApp.Tests.Browser;

/// <summary>An internal note against a real fake Plivo on 127.0.0.1: it shows to staff and is never sent.</summary>
[TestFixture]
[Category("Browser")]
public sealed class InboxNoteTests
{
    [Test]
    public async Task Note_ShowsInTheThreadInItsOwnStyleAndNeverReachesPlivo()
    {
        const string Contact = "+447700900301";
        await using var plivo = await FakePlivoServer.StartAsync();
        await using var host = await InboxHost.StartAsync(plivo: plivo);
        await host.InboundAsync(Contact, "Do you ship to Norway?");
        var page = await host.SignedInAsync();
        await page.GotoAsync("/inbox/conversations/" + Uri.EscapeDataString(Contact));

        await page.GetByText("Add an internal note").ClickAsync();
        await page.GetByLabel("Note for colleagues (never sent to the customer)").FillAsync("Check with logistics before promising");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await Expect(page.Locator(".thread .activity-note .note")).ToContainTextAsync("Check with logistics before promising");
        await Expect(page.Locator(".thread .activity-note")).ToContainTextAsync("not sent to the customer");

        // A reply does reach Plivo, so the fake is listening: the note is the one thing it never heard.
        await page.GetByLabel("Your reply").FillAsync("Yes, we do");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        Assert.That(await Eventually.HoldsAsync(() => Task.FromResult(plivo.AcceptedCount == 1), TimeSpan.FromSeconds(15)), Is.True, "the reply reached Plivo");
        var sent = plivo.Requests.Select(r => r.Body).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(sent, Has.Some.Contains("Yes, we do"));
            Assert.That(sent, Has.None.Contains("logistics"));
        });
    }
}
