using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Tests.Functional.Security;

/// <summary>An unexpected failure is a 500 problem with a trace id and nothing else: no exception text, stack or SQL.</summary>
[TestFixture]
public sealed class ErrorDisclosureTests
{
    private const string Secret = "SELECT \"m\".\"Body\" FROM \"Messages\" AS \"m\" WHERE secret-detail";

    [TestCase("Testing")]
    [TestCase("Development")]
    [TestCase("Production")]
    public async Task UnexpectedException_InAnyEnvironment_Returns500WithoutDetails(string environment)
    {
        var messages = new Mock<IMessageRepository>();
        messages.Setup(m => m.FindAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException(Secret));
        await using var factory = new WhatsAppApiFactory();
        await using var failing = factory.WithWebHostBuilder(b => b
            .UseEnvironment(environment)
            .ConfigureTestServices(s => s.AddSingleton(messages.Object)));
        using var client = failing.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", TestApiKeys.Agent);

        using var response = await client.GetAsync($"/api/messages/{Guid.CreateVersion7()}");

        var problem = await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.InternalServerError);
        var body = problem.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(problem.TryGetProperty("traceId", out _), Is.True);
            Assert.That(body, Does.Not.Contain("secret-detail").And.Not.Contain("SELECT").And.Not.Contain("InvalidOperationException"));
            Assert.That(body, Does.Not.Contain(" at ").And.Not.Contain(".cs:line"));
        });
    }
}
