using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace WhatsApp.Tests.Browser;

/// <summary>An admin manages users from the inbox: create, disable (and enable), set a new password; agents cannot.</summary>
[TestFixture]
[Category("Browser")]
public sealed class InboxUsersTests
{
    private const string NewPassword = "a-fresh-long-password";
    private InboxHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await InboxHost.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task Admin_CreatesAUser_WhoCanThenSignIn()
    {
        var admin = await UsersPageAsync();
        await CreateAsync(admin, "grace@example.com", "Grace Hopper", "agent", InboxHost.Password);
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Created grace@example.com (agent)");
        await Expect(admin.Locator("tr[data-email='grace@example.com']")).ToContainTextAsync("enabled");

        var grace = await _host.NewPageAsync();
        await InboxHost.SignInAsync(grace, "grace@example.com", InboxHost.Password);
        await Expect(grace.Locator(".who")).ToHaveTextAsync("Grace Hopper · agent");
    }

    [Test]
    public async Task Admin_CreatingWithAShortPasswordOrATakenEmail_IsToldWhyAndNothingIsCreated()
    {
        var admin = await UsersPageAsync();
        await CreateAsync(admin, "short@example.com", "Short", "agent", "short", bypassBrowserChecks: true);
        await Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("12");
        await Expect(admin.Locator("tr[data-email='short@example.com']")).ToHaveCountAsync(0);

        await CreateAsync(admin, InboxHost.AgentEmail, "Someone Else", "agent", InboxHost.Password);
        await Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("exists already");
    }

    [Test]
    public async Task Admin_DisablesAUser_WhoCannotSignIn_ThenEnablesThem()
    {
        var admin = await UsersPageAsync();
        await CreateAsync(admin, "linus@example.com", "Linus", "agent", InboxHost.Password);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Disable linus@example.com" }).ClickAsync();
        await Expect(admin.Locator("tr[data-email='linus@example.com']")).ToContainTextAsync("disabled");

        var linus = await _host.NewPageAsync();
        await InboxHost.SignInAsync(linus, "linus@example.com", InboxHost.Password);
        await Expect(linus.GetByRole(AriaRole.Alert)).ToHaveTextAsync("This account is disabled.");

        await admin.GetByRole(AriaRole.Button, new() { Name = "Enable linus@example.com" }).ClickAsync();
        await InboxHost.SignInAsync(linus, "linus@example.com", InboxHost.Password);
        await Expect(linus.Locator(".who")).ToHaveTextAsync("Linus · agent");
    }

    [Test]
    public async Task Admin_SetsANewPassword_TheOldOneStopsWorkingAndTheNewOneWorks()
    {
        var admin = await UsersPageAsync();
        await CreateAsync(admin, "ada@example.com", "Ada", "agent", InboxHost.Password);
        await admin.GetByLabel("New password for ada@example.com").FillAsync(NewPassword);
        await admin.Locator("tr[data-email='ada@example.com']").GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("new password is set");

        var ada = await _host.NewPageAsync();
        await InboxHost.SignInAsync(ada, "ada@example.com", InboxHost.Password);
        await Expect(ada.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Wrong email or password.");
        await InboxHost.SignInAsync(ada, "ada@example.com", NewPassword);
        await Expect(ada.Locator(".who")).ToHaveTextAsync("Ada · agent");
    }

    [Test]
    public async Task Admin_CannotDisableThemselves()
    {
        var admin = await UsersPageAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Disable {InboxHost.AdminEmail}" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Alert)).ToContainTextAsync("cannot disable yourself");
        await Expect(admin.Locator($"tr[data-email='{InboxHost.AdminEmail}']")).ToContainTextAsync("enabled");
    }

    [Test]
    public async Task Agent_CannotOpenUsers_AndHasNoLinkToThem()
    {
        var agent = await _host.SignedInAsync();
        await Expect(agent.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);
        var response = await agent.GotoAsync("/inbox/users");
        Assert.That(response!.Status, Is.EqualTo(403));
        await Expect(agent.GetByRole(AriaRole.Heading, new() { Name = "Not for your role" })).ToBeVisibleAsync();
        await Expect(agent.GetByRole(AriaRole.Heading, new() { Name = "Users" })).ToHaveCountAsync(0);
    }

    private async Task<IPage> UsersPageAsync()
    {
        var admin = await _host.SignedInAsync(InboxHost.AdminEmail);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Users" })).ToBeVisibleAsync();
        return admin;
    }

    private static async Task CreateAsync(IPage page, string email, string name, string role, string password, bool bypassBrowserChecks = false)
    {
        if (bypassBrowserChecks)
        {
            await page.Locator(".new-user form").EvaluateAsync("f => f.noValidate = true");
        }

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Role").SelectOptionAsync(role);
        await page.GetByLabel("Password (12 or more characters)").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
    }
}
