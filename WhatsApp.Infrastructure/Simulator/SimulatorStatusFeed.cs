using System.Threading.Channels;

namespace WhatsApp.Infrastructure.Simulator;

/// <summary>Messages the simulator accepted, waiting for their simulated delivery reports.</summary>
internal sealed class SimulatorStatusFeed
{
    // Simulation is best effort: under a flood, reports for the newest messages are dropped rather than queued forever.
    private readonly Channel<SimulatedSend> _channel = Channel.CreateBounded<SimulatedSend>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite });

    public ChannelReader<SimulatedSend> Reader => _channel.Reader;

    public void Publish(SimulatedSend send) => _channel.Writer.TryWrite(send);
}
