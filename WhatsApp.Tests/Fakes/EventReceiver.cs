using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace WhatsApp.Tests.Fakes;

/// <summary>A business's event receiver on 127.0.0.1: records every POST (headers and body) and answers as told.</summary>
public sealed class EventReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedEvent> _received = new();
    private int _inFlight;
    private int _maxInFlight;

    private EventReceiver(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>The status code each request gets (default 204); may wait first, e.g. to hang past a timeout.</summary>
    public Func<ReceivedEvent, Task<int>> Answer { get; set; } = _ => Task.FromResult(204);

    public IReadOnlyList<ReceivedEvent> Received => _received.ToList();

    /// <summary>The most requests it was answering at one time.</summary>
    public int MaxConcurrent => Volatile.Read(ref _maxInFlight);

    /// <summary>Starts on <paramref name="port"/>, or any free one; a receiver coming back after an outage takes its old port.</summary>
    public static async Task<EventReceiver> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new EventReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        receiver.Url = new Uri(app.Urls.Single() + "/events");
        return receiver;
    }

    /// <summary>Waits until a request satisfies <paramref name="match"/>; fails the test after <paramref name="seconds"/>.</summary>
    public async Task<ReceivedEvent> WaitForAsync(Func<ReceivedEvent, bool> match, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (_received.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(25);
        }

        Assert.Fail($"No matching event within {seconds} s; received: {string.Join(" | ", _received.Select(r => r.Body))}");
        throw new InvalidOperationException();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var received = new ReceivedEvent(
            context.Request.Headers["webhook-id"].ToString(),
            context.Request.Headers["webhook-timestamp"].ToString(),
            context.Request.Headers["webhook-signature"].ToString(),
            await reader.ReadToEndAsync(context.RequestAborted),
            DateTimeOffset.UtcNow);
        _received.Enqueue(received);
        var now = Interlocked.Increment(ref _inFlight);
        int max;
        while (now > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, max) != max)
        {
        }

        try
        {
            context.Response.StatusCode = await Answer(received);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}

public sealed record ReceivedEvent(string Id, string Timestamp, string Signature, string Body, DateTimeOffset At)
{
    public string Type => System.Text.Json.JsonDocument.Parse(Body).RootElement.GetProperty("type").GetString()!;
}
