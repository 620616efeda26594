using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using static WhatsApp.Tests.Functional.HttpAssertions;

namespace WhatsApp.Tests.Functional.Users;

/// <summary><c>POST /api/users</c>: how the first admin of a fresh install is made, with an admin key.</summary>
[TestFixture]
public sealed partial class UsersApiTests
{
    private const string Password = "correct-horse-battery";

    [Test]
    public async Task CreateUser_WithAdminKey_Returns201AndTheUserCanSignInToTheInbox()
    {
        await using var factory = new WhatsAppApiFactory();
        using var admin = factory.CreateClientWithKey(TestApiKeys.Admin);
        using var response = await admin.PostAsJsonAsync("/api/users", new { email = "first.admin@example.com", name = "First Admin", password = Password, role = "admin" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var body = await response.Content.ReadAsStringAsync();
        var user = await ReadJsonAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That(user.GetProperty("email").GetString(), Is.EqualTo("first.admin@example.com"));
            Assert.That(user.GetProperty("role").GetString(), Is.EqualTo("admin"));
            Assert.That(user.GetProperty("disabled").GetBoolean(), Is.False);
            Assert.That(body, Does.Not.Contain(Password).And.Not.Contain("hash"), "never the password or its hash");
            Assert.That(response.Headers.Location!.ToString(), Does.EndWith("/api/users/" + user.GetProperty("id").GetString()));
        });

        using var fetched = await admin.GetAsync(response.Headers.Location);
        Assert.That(fetched.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await SignInAsync(factory, "first.admin@example.com", Password), Is.True);
        Assert.That(await SignInAsync(factory, "first.admin@example.com", "wrong-password-123"), Is.False);
    }

    [TestCase("email", "not-an-email")]
    [TestCase("email", "")]
    [TestCase("name", "")]
    [TestCase("password", "too-short")]
    [TestCase("role", "owner")]
    public async Task CreateUser_WithABadField_Returns400NamingItAndStoresNothing(string field, string value)
    {
        await using var factory = new WhatsAppApiFactory();
        using var admin = factory.CreateClientWithKey(TestApiKeys.Admin);
        var request = new Dictionary<string, string> { ["email"] = "someone@example.com", ["name"] = "Someone", ["password"] = Password, ["role"] = "agent" };
        request[field] = value;
        using var response = await admin.PostAsJsonAsync("/api/users", request);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(ErrorKeys(problem), Is.EqualTo(new[] { field }));
        Assert.That(await factory.WithDbAsync(db => db.Users.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task CreateUser_WithAnEmailTakenInAnyCase_Returns409AndKeepsTheFirst()
    {
        await using var factory = new WhatsAppApiFactory();
        using var admin = factory.CreateClientWithKey(TestApiKeys.Admin);
        using var first = await admin.PostAsJsonAsync("/api/users", new { email = "agent@example.com", name = "First", password = Password, role = "agent" });
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));

        using var second = await admin.PostAsJsonAsync("/api/users", new { email = "Agent@Example.com", name = "Second", password = Password + "x", role = "admin" });
        await AssertProblemAsync(second, HttpStatusCode.Conflict);
        Assert.That(await factory.WithDbAsync(db => db.Users.Select(u => u.Name).ToListAsync()), Is.EqualTo(new[] { "First" }));
    }

    [Test]
    public async Task GetUser_Unknown_Returns404()
    {
        await using var factory = new WhatsAppApiFactory();
        using var admin = factory.CreateClientWithKey(TestApiKeys.Admin);
        using var response = await admin.GetAsync("/api/users/no-such-user");
        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    /// <summary>Signs in through the inbox's form (with its antiforgery token) and says whether the inbox then opens.</summary>
    private static async Task<bool> SignInAsync(WhatsAppApiFactory factory, string email, string password)
    {
        using var browser = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        var form = await browser.GetStringAsync("/inbox/login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = password, ["__RequestVerificationToken"] = token,
        });
        using var signIn = await browser.PostAsync("/inbox/login", content);
        using var inbox = await browser.GetAsync("/inbox");
        return inbox.StatusCode == HttpStatusCode.OK;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
