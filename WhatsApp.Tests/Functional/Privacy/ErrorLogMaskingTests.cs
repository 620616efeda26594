using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;
using WhatsApp.Domain.Ports;
using WhatsApp.Tests.Functional.Security;

namespace WhatsApp.Tests.Functional.Privacy;

/// <summary>An unexpected failure is logged with its path, and a path can hold a contact's number: only its last four digits show.</summary>
[TestFixture]
public sealed class ErrorLogMaskingTests
{
    [TestCase("/api/contacts/+14155552671/window")]
    [TestCase("/api/contacts/%2B14155552671/window")]
    public async Task UnexpectedException_OnAPathWithANumber_LogsThePathWithTheNumberMasked(string path)
    {
        var contacts = new Mock<IContactRepository>();
        contacts.Setup(c => c.FindAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("boom"));
        var capture = new CapturingLoggerProvider();
        await using var factory = new WhatsAppApiFactory();
        await using var failing = factory.WithWebHostBuilder(b => b
            .ConfigureLogging(l => l.AddProvider(capture))
            .ConfigureTestServices(s => s.AddSingleton(contacts.Object)));
        using var client = failing.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", TestApiKeys.Agent);

        using var response = await client.GetAsync(path);

        var unhandled = capture.Entries.Where(e => e.Contains("Unhandled exception on GET", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(unhandled, Is.Not.Empty);
            Assert.That(unhandled, Is.All.Contains("/api/contacts/***2671/window"));
            // (ASP.NET Core's own request scope carries the raw path; it is written only where scopes are switched on.)
            Assert.That(capture.Entries.Where(e => !e.Contains(" scope: ", StringComparison.Ordinal)), Has.None.Contains("4155552671"));
        });
    }
}
