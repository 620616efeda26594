using Microsoft.Extensions.Logging.Abstractions;
using WhatsApp.Domain.Messages;
using WhatsApp.Infrastructure.Simulator;

namespace WhatsApp.Tests.Unit.Simulator;

[TestFixture]
public sealed class SimulatorMessagingProviderTests
{
    private readonly SimulatorStatusFeed _feed = new();
    private SimulatorMessagingProvider _provider = null!;

    [SetUp]
    public void CreateProvider() => _provider = new(_feed, NullLogger<SimulatorMessagingProvider>.Instance);

    [Test]
    public async Task SendAsync_AnyMessage_ReturnsAcceptedWithSimulatedUuid()
    {
        var message = Message.CreateOutbound(
            Guid.NewGuid(), SimulatorDefaults.PlaceholderSender, "+919999999999", MessageType.Text,
            MessageContent.ForText("Hi"), "tests", DateTimeOffset.UnixEpoch);

        var result = await _provider.SendAsync(message, CancellationToken.None);

        Assert.That(result, Is.TypeOf<SendResult.Accepted>());
        var id = ((SendResult.Accepted)result).ProviderMessageId;
        Assert.That(id, Does.StartWith(SimulatorDefaults.MessageIdPrefix));
        Assert.That(Guid.TryParse(id[SimulatorDefaults.MessageIdPrefix.Length..], out _), Is.True);
    }

    [Test]
    public async Task SendAsync_AnyMessage_PublishesItForSimulatedDeliveryReports()
    {
        var message = Message.CreateOutbound(
            Guid.NewGuid(), SimulatorDefaults.PlaceholderSender, "+919999999999", MessageType.Text,
            MessageContent.ForText("Hi"), "tests", DateTimeOffset.UnixEpoch);

        var result = (SendResult.Accepted)await _provider.SendAsync(message, CancellationToken.None);

        Assert.That(_feed.Reader.TryRead(out var published), Is.True);
        Assert.That(published, Is.EqualTo(new SimulatedSend(result.ProviderMessageId, SimulatorDefaults.PlaceholderSender, "+919999999999")));
    }

    [Test]
    public async Task SendAsync_TwoMessages_ReturnsDistinctIds()
    {
        var message = Message.CreateOutbound(
            Guid.NewGuid(), SimulatorDefaults.PlaceholderSender, "+919999999999", MessageType.Text,
            MessageContent.ForText("Hi"), "tests", DateTimeOffset.UnixEpoch);

        var first = (SendResult.Accepted)await _provider.SendAsync(message, CancellationToken.None);
        var second = (SendResult.Accepted)await _provider.SendAsync(message, CancellationToken.None);

        Assert.That(first.ProviderMessageId, Is.Not.EqualTo(second.ProviderMessageId));
    }
}
