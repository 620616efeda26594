using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using WhatsApp.Domain.Messages;
using WhatsApp.Tests.Fakes;

namespace WhatsApp.Tests.Integration.Plivo;

/// <summary>
/// Failures below HTTP. The rule under test: RetryLater only when Plivo certainly did not get the request, otherwise
/// OutcomeUnknown, and never a second request for one send.
/// </summary>
[TestFixture]
public sealed class PlivoNetworkFailureTests
{
    private static readonly TimeSpan ShortAttemptTimeout = TimeSpan.FromMilliseconds(300);

    private FakePlivoServer _server = null!;

    [SetUp]
    public async Task SetUp() => _server = await FakePlivoServer.StartAsync();

    [TearDown]
    public async Task TearDown() => await _server.DisposeAsync();

    // .NET reports this as HttpRequestException(HttpRequestError.Unknown) -> IOException -> SocketException(ConnectionReset),
    // the same as a reset after Plivo read and queued the request, so the only safe answer is OutcomeUnknown.
    [Test]
    public async Task SendAsync_ConnectionResetBeforeBodyRead_ReturnsOutcomeUnknownWithoutResending()
    {
        await using var client = PlivoTestClient.Create(_server);
        _server.Enqueue(FakeResponse.ResetBeforeReading());

        var result = await client.SendAsync(PlivoTestMessages.Text());

        Assert.That(result, Is.TypeOf<SendResult.OutcomeUnknown>());
        Assert.That(_server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task SendAsync_ServerHangsPastAttemptTimeout_ReturnsOutcomeUnknownAfterOneRequest()
    {
        await using var client = PlivoTestClient.Create(_server, configureDispatch: d => d.AttemptTimeout = ShortAttemptTimeout);
        _server.Behaviour = _ => FakeResponse.Hang(TimeSpan.FromSeconds(10));
        var stopwatch = Stopwatch.StartNew();

        var result = await client.SendAsync(PlivoTestMessages.Text());

        Assert.That(result, Is.TypeOf<SendResult.OutcomeUnknown>());
        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
        Assert.That(_server.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task SendAsync_CallerCancelsWhileWaiting_ThrowsOperationCanceled()
    {
        await using var client = PlivoTestClient.Create(_server);
        _server.Behaviour = _ => FakeResponse.Hang(TimeSpan.FromSeconds(10));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        Assert.That(async () => await client.SendAsync(PlivoTestMessages.Text(), cts.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task SendAsync_ConnectionRefused_ReturnsRetryLaterConnectionFailed()
    {
        await using var client = PlivoTestClient.Create(new Uri($"http://127.0.0.1:{ClosedPort()}"));

        var result = await client.SendAsync(PlivoTestMessages.Text());

        Assert.That(result, Is.TypeOf<SendResult.RetryLater>().With.Property("ErrorCode").EqualTo("connection_failed"));
    }

    [Test]
    public async Task SendAsync_HostDoesNotResolve_ReturnsRetryLaterConnectionFailed()
    {
        await using var client = PlivoTestClient.Create(new Uri("http://plivo.invalid"), configureDispatch: d => d.AttemptTimeout = TimeSpan.FromSeconds(1));

        var result = await client.SendAsync(PlivoTestMessages.Text());

        Assert.That(result, Is.TypeOf<SendResult.RetryLater>().With.Property("ErrorCode").EqualTo("connection_failed"));
    }

    // A listener whose accept queue is full drops new SYNs (Linux), so connect hangs like a black-holed host.
    // The connect timeout (half the attempt timeout) must report "not sent", not an unknown outcome.
    [Test]
    public async Task SendAsync_ConnectHangs_ReturnsRetryLaterConnectionFailed()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        var fillers = Enumerable.Range(0, 4).Select(_ => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)).ToList();
        _ = fillers.Select(s => s.ConnectAsync(IPAddress.Loopback, port)).ToList();
        await Task.Delay(100);
        await using var client = PlivoTestClient.Create(new Uri($"http://127.0.0.1:{port}"), configureDispatch: d => d.AttemptTimeout = TimeSpan.FromSeconds(1));

        var result = await client.SendAsync(PlivoTestMessages.Text());

        fillers.ForEach(s => s.Dispose());
        Assert.That(result, Is.TypeOf<SendResult.RetryLater>().With.Property("ErrorCode").EqualTo("connection_failed"));
    }

    [Test]
    public async Task SendAsync_Repeated503s_OpenCircuitAndStopCallingPlivo()
    {
        var breakDuration = TimeSpan.FromSeconds(2);
        await using var client = PlivoTestClient.Create(_server, configureDispatch: d =>
        {
            d.CircuitMinimumThroughput = 2;
            d.CircuitSamplingDuration = TimeSpan.FromSeconds(5);
            d.CircuitBreakDuration = breakDuration;
        });
        _server.Behaviour = _ => FakeResponse.Error(503, "unavailable");

        var first = await client.SendAsync(PlivoTestMessages.Text());
        var second = await client.SendAsync(PlivoTestMessages.Text());
        var third = await client.SendAsync(PlivoTestMessages.Text());

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.TypeOf<SendResult.RetryLater>().With.Property("ErrorCode").EqualTo("plivo_503"));
            Assert.That(second, Is.TypeOf<SendResult.RetryLater>().With.Property("ErrorCode").EqualTo("plivo_503"));
            Assert.That(third, Is.TypeOf<SendResult.RetryLater>().With.Property("ErrorCode").EqualTo("circuit_open"));
            Assert.That(((SendResult.RetryLater)third).RetryAfter, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(breakDuration));
            Assert.That(_server.Requests, Has.Count.EqualTo(2));
        });
    }

    // Unknown, so not resent, but still a failing Plivo: the circuit counts it and stops the next messages going out.
    [Test]
    public async Task SendAsync_Repeated502s_AreOutcomeUnknownAndStillOpenTheCircuit()
    {
        await using var client = PlivoTestClient.Create(_server, configureDispatch: d =>
        {
            d.CircuitMinimumThroughput = 2;
            d.CircuitSamplingDuration = TimeSpan.FromSeconds(5);
            d.CircuitBreakDuration = TimeSpan.FromSeconds(2);
        });
        _server.Behaviour = _ => FakeResponse.Error(502, "bad gateway");

        var first = await client.SendAsync(PlivoTestMessages.Text());
        var second = await client.SendAsync(PlivoTestMessages.Text());
        var third = await client.SendAsync(PlivoTestMessages.Text());

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.TypeOf<SendResult.OutcomeUnknown>());
            Assert.That(second, Is.TypeOf<SendResult.OutcomeUnknown>());
            Assert.That(third, Is.TypeOf<SendResult.RetryLater>().With.Property("ErrorCode").EqualTo("circuit_open"));
            Assert.That(_server.Requests, Has.Count.EqualTo(2));
        });
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
