using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Tests.Functional;

[TestFixture]
public sealed class StorageFailureTests
{
    [Test]
    public async Task Send_WhenTheDatabaseRefusesTheWrite_Returns503ProblemWithRetryAfter()
    {
        var unitOfWork = new Mock<IUnitOfWork>();
        unitOfWork.Setup(u => u.ExecuteAsync(It.IsAny<Func<IWriteContext, CancellationToken, Task<bool>>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new SqliteException("attempt to write a readonly database", 8));
        await using var factory = new WhatsAppApiFactory();
        await using var failing = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(unitOfWork.Object)));
        using var client = failing.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", TestApiKeys.Sender);

        var response = await client.PostAsJsonAsync("/api/messages", new { to = "+14155552671", message = "Hi" });

        var problem = await HttpAssertions.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.RetryAfter, Is.Not.Null);
            Assert.That(problem.ToString(), Does.Not.Contain("readonly"), "database details must not leak");
        });
    }
}
