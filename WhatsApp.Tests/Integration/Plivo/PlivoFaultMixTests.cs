using System.Collections.Concurrent;
using WhatsApp.Domain.Messages;
using WhatsApp.Tests.Fakes;

namespace WhatsApp.Tests.Integration.Plivo;

/// <summary>Many concurrent sends with injected faults: one request per send, and results that match what the fake did.</summary>
[TestFixture]
public sealed class PlivoFaultMixTests
{
    [Test]
    public async Task SendAsync_ConcurrentSendsWithInjectedFaults_OneRequestPerSendAndResultsMatchFaults()
    {
        const int messages = 300;
        var behaviour = FakeScenarios.WithFaults(
            seed: 7,
            (0.05, FakeResponse.Error(503, "busy")),
            (0.03, FakeResponse.Error(429, "slow down", retryAfter: "2")),
            (0.02, FakeResponse.Error(400, "bad dst")),
            (0.02, FakeResponse.ResetBeforeReading()));
        await using var server = await FakePlivoServer.StartAsync();
        server.Behaviour = behaviour;
        await using var client = PlivoTestClient.Create(server);
        var results = new ConcurrentBag<SendResult>();

        await Parallel.ForEachAsync(
            Enumerable.Range(0, messages),
            new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, ct) => results.Add(await client.SendAsync(PlivoTestMessages.Text($"message {i}"), ct)));

        // Request index i got behaviour(i); sends and indices pair up 1:1, so the outcome counts must match.
        var scripted = Enumerable.Range(0, messages).Select(behaviour).ToList();
        var accepted = results.OfType<SendResult.Accepted>().Select(a => a.ProviderMessageId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(server.Requests, Has.Count.EqualTo(messages));
            Assert.That(accepted, Is.EquivalentTo(server.AcceptedUuids));
            Assert.That(accepted.Count, Is.EqualTo(scripted.Count(r => r.Kind == FakeResponseKind.Accept)).And.InRange(250, 290));
            Assert.That(results.OfType<SendResult.Rejected>().Count(), Is.EqualTo(scripted.Count(r => r.StatusCode == 400)));
            Assert.That(results.OfType<SendResult.RetryLater>().Count(), Is.EqualTo(scripted.Count(r => r.StatusCode is 429 or 503)));
            Assert.That(
                results.OfType<SendResult.OutcomeUnknown>().Count(),
                Is.EqualTo(scripted.Count(r => r.Kind == FakeResponseKind.ResetBeforeReading)).And.GreaterThan(0));
        });
    }
}
