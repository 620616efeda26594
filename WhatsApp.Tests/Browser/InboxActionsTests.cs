using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WhatsApp.Tests.Browser;

/// <summary>What staff do to a conversation (resolve, reopen, assign, erase) and the list's filters that follow from it.</summary>
[TestFixture]
[Category("Browser")]
public sealed class InboxActionsTests
{
    private InboxHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await InboxHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task Resolve_LeavesTheOpenListAndANewInboundReopensIt()
    {
        const string Contact = "+447700900201";
        await _host.InboundAsync(Contact, "My parcel is late");
        var page = await _host.SignedInAsync();
        await OpenAsync(page, Contact);
        await page.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();

        await Expect(page.Locator(".contact-panel .state")).ToHaveTextAsync("Resolved");
        await Expect(page.Locator(".thread .activity-resolved")).ToContainTextAsync("by " + InboxHost.AgentEmail);
        await page.GotoAsync("/inbox");
        await Expect(Row(page, Contact)).ToHaveCountAsync(0);
        await page.GotoAsync("/inbox?state=resolved");
        await Expect(Row(page, Contact)).ToContainTextAsync("resolved");

        await _host.InboundAsync(Contact, "Still nothing, sorry to chase");
        await page.GotoAsync("/inbox");
        await Expect(Row(page, Contact)).ToContainTextAsync("Still nothing");
        await OpenAsync(page, Contact);
        await Expect(page.Locator(".contact-panel .state")).ToHaveTextAsync("Open");
        await page.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Reopen" }).ClickAsync();
        await Expect(page.Locator(".thread .activity-reopened")).ToContainTextAsync("Reopened");
    }

    [Test]
    public async Task Assign_ToMeThenToAnotherUser_ShowsInMineAndRecordsWhoDidIt()
    {
        const string Contact = "+447700900202";
        await _host.InboundAsync(Contact, "Can someone call me?");
        var page = await _host.SignedInAsync();
        await OpenAsync(page, Contact);

        await page.GetByLabel("Assign to").SelectOptionAsync("me");
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
        await Expect(page.Locator(".contact-panel .assignee")).ToHaveTextAsync(InboxHost.AgentEmail);
        await page.GotoAsync("/inbox?assignee=me");
        await Expect(Row(page, Contact)).ToContainTextAsync("assigned to " + InboxHost.AgentEmail);

        await OpenAsync(page, Contact);
        await page.GetByLabel("Assign to").SelectOptionAsync(InboxHost.AdminEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
        await Expect(page.Locator(".thread .activity-assigned").Last).ToContainTextAsync($"Assigned to {InboxHost.AdminEmail}");
        await Expect(page.Locator(".thread .activity-assigned").Last).ToContainTextAsync("by " + InboxHost.AgentEmail);
        await page.GotoAsync("/inbox?assignee=me");
        await Expect(Row(page, Contact)).ToHaveCountAsync(0);
        await page.GotoAsync("/inbox?assignee=unassigned");
        await Expect(Row(page, Contact)).ToHaveCountAsync(0);
    }

    [Test]
    public async Task AnotherAgentsAssignmentAndNote_ReachAnOpenListAndThreadWithoutAReload()
    {
        const string Contact = "+447700900208";
        await _host.InboundAsync(Contact, "Hello, anyone there?");
        var watcher = await _host.SignedInAsync();
        await Expect(Row(watcher, Contact)).ToContainTextAsync("unassigned");
        var thread = await _host.SignedInAsync();
        await OpenAsync(thread, Contact);
        await watcher.EvaluateAsync("window.notReloaded = true");
        await thread.EvaluateAsync("window.notReloaded = true");

        var admin = await _host.SignedInAsync(InboxHost.AdminEmail);
        await OpenAsync(admin, Contact);
        await admin.GetByLabel("Assign to").SelectOptionAsync("me");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
        await admin.GetByText("Add an internal note").ClickAsync();
        await admin.GetByLabel("Note for colleagues (never sent to the customer)").FillAsync("I'll take this one");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();

        await Expect(Row(watcher, Contact)).ToContainTextAsync("assigned to " + InboxHost.AdminEmail, new() { Timeout = 3000 });
        await Expect(thread.Locator(".thread .activity-note")).ToContainTextAsync("I'll take this one", new() { Timeout = 3000 });
        Assert.Multiple(async () =>
        {
            Assert.That(await watcher.EvaluateAsync<bool>("window.notReloaded === true"), Is.True, "the list was not reloaded");
            Assert.That(await thread.EvaluateAsync<bool>("window.notReloaded === true"), Is.True, "the thread page was not reloaded");
        });
    }

    [Test]
    public async Task NeedsReply_ListsOnlyConversationsWhoseLastMessageIsUnanswered()
    {
        await _host.InboundAsync("+447700900203", "Hello?");
        await _host.InboundAsync("+447700900204", "Hi there");
        var page = await _host.SignedInAsync();
        await OpenAsync(page, "+447700900204");
        await page.GetByLabel("Your reply").FillAsync("Hi! How can we help?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page.Locator(".message.outbound")).ToHaveCountAsync(1);

        await page.GotoAsync("/inbox?needs_reply=true");
        await Expect(Row(page, "+447700900203")).ToContainTextAsync("needs reply");
        await Expect(Row(page, "+447700900204")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task Unread_CountsTheCustomersNewMessagesUntilTheUserOpensTheConversation()
    {
        const string Contact = "+447700900205";
        await _host.InboundAsync(Contact, "First");
        await _host.InboundAsync(Contact, "Second");
        var page = await _host.SignedInAsync(InboxHost.AdminEmail);
        await Expect(Row(page, Contact).Locator(".unread")).ToHaveTextAsync("2 unread");

        await OpenAsync(page, Contact);
        await page.GotoAsync("/inbox");
        await Expect(Row(page, Contact)).ToBeVisibleAsync();
        await Expect(Row(page, Contact).Locator(".unread")).ToHaveCountAsync(0);

        await _host.InboundAsync(Contact, "Third");
        await page.ReloadAsync();
        await Expect(Row(page, Contact).Locator(".unread")).ToHaveTextAsync("1 unread");
    }

    [Test]
    public async Task Search_FindsTheMessageAndOnlyAnAdminExportsItAsCsv()
    {
        await _host.InboundAsync("+447700900206", "Order ZQ-48213 never arrived");
        var agent = await _host.SignedInAsync();
        await agent.GetByLabel("Search messages").FillAsync("zq-48213");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(agent.Locator(".matches li")).ToHaveCountAsync(1);
        await Expect(agent.Locator(".matches li")).ToContainTextAsync("Order ZQ-48213 never arrived");
        await Expect(agent.GetByText("Export these messages as CSV")).ToHaveCountAsync(0);
        await agent.GetByText("More filters").ClickAsync();
        await agent.GetByLabel("Direction").SelectOptionAsync("outbound");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(agent.Locator(".count")).ToContainTextAsync("No message matches");
        await agent.GetByLabel("Direction").SelectOptionAsync("inbound");
        await agent.GetByLabel("Customer's number").FillAsync("+447700900206");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(agent.Locator(".matches li")).ToHaveCountAsync(1);
        var refused = await agent.Context.APIRequest.GetAsync("/inbox/export?q=zq-48213", new() { MaxRedirects = 0 });
        Assert.That(refused.Status, Is.Not.EqualTo(200), "an agent cannot export");

        var admin = await _host.SignedInAsync(InboxHost.AdminEmail);
        await admin.GotoAsync("/inbox?q=zq-48213");
        var href = await admin.GetByText("Export these messages as CSV").GetAttributeAsync("href");
        Assert.That(href, Is.EqualTo("/inbox/export?q=zq-48213"));
        var csv = await admin.Context.APIRequest.GetAsync(href!);
        Assert.That(csv.Status, Is.EqualTo(200));
        Assert.That(csv.Headers["content-type"], Does.StartWith("text/csv"));
        var lines = (await csv.TextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(2), "the header and the one message");
        Assert.That(lines[1], Does.Contain("Order ZQ-48213 never arrived"));
    }

    [Test]
    public async Task Erase_AsAdmin_NeedsTheNumberTypedThenErasesAndRecordsWho()
    {
        const string Contact = "+447700900207";
        await _host.InboundAsync(Contact, "My card number is 4111 1111");
        var agent = await _host.SignedInAsync();
        await OpenAsync(agent, Contact);
        await Expect(agent.GetByText("Erase this contact's data")).ToHaveCountAsync(0);

        await agent.GetByText("Add an internal note").ClickAsync();
        await agent.GetByLabel("Note for colleagues (never sent to the customer)").FillAsync("They sent 4111 1111 in the chat");
        await agent.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await Expect(agent.Locator(".thread .activity-note")).ToContainTextAsync("4111 1111");

        var admin = await _host.SignedInAsync(InboxHost.AdminEmail);
        await OpenAsync(admin, Contact);
        await admin.GetByText("Erase this contact's data").ClickAsync();
        await admin.GetByLabel($"Type {Contact} to confirm").FillAsync("+447700900000");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Erase" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("to confirm");
        await Expect(admin.Locator(".thread")).ToContainTextAsync("4111 1111");

        await admin.GetByText("Erase this contact's data").ClickAsync();
        await admin.GetByLabel($"Type {Contact} to confirm").FillAsync(Contact);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Erase" }).ClickAsync();
        await Expect(admin.Locator(".thread .activity-erased")).ToContainTextAsync("by " + InboxHost.AdminEmail);
        await Expect(admin.Locator(".thread")).Not.ToContainTextAsync("4111 1111", new() { Timeout = 2000 });
        await Expect(admin.Locator(".thread .activity-note")).ToContainTextAsync("[erased]");
    }

    [TestCase("state=pending", "state")]
    [TestCase("assignee=bob", "assignee")]
    [TestCase("status=bogus", "status")]
    [TestCase("contact=12345", "contact")]
    [TestCase("created_from=yesterday", "created_from")]
    public async Task ListWithABadFilter_Answers400NamingIt(string query, string name)
    {
        var page = await _host.SignedInAsync();
        var response = await page.GotoAsync("/inbox?" + query);
        Assert.That(response!.Status, Is.EqualTo(400));
        Assert.That(await response.TextAsync(), Does.Contain($"\"{name}\""));
    }

    private static ILocator Row(IPage page, string contact) => page.Locator(".conversations li", new() { HasText = contact });

    private static Task<IResponse?> OpenAsync(IPage page, string contact) => page.GotoAsync("/inbox/conversations/" + Uri.EscapeDataString(contact));
}
