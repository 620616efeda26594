using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace WhatsApp.Tests.Fakes;

/// <summary>
/// A real HTTP server on 127.0.0.1 that speaks Plivo's send-message API: Basic auth, JSON body, 202 with a
/// message uuid. Every request is recorded. Answers come from <see cref="Enqueue"/>d responses first, then from
/// <see cref="Behaviour"/> (by request index), which accepts by default. As with Plivo, wrong credentials get a 401
/// whatever is scripted (except a reset, which happens before anything is read).
/// </summary>
public sealed partial class FakePlivoServer : IAsyncDisposable
{
    public const string DefaultAuthId = "MAFAKEAUTHID12345678";
    public const string DefaultAuthToken = "fake-plivo-auth-token";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeResponse> _script = new();
    private readonly ConcurrentQueue<RecordedPlivoRequest> _requests = new();
    private readonly ConcurrentQueue<string> _acceptedUuids = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TimeProvider _time;
    private int _requestCount;

    private FakePlivoServer(WebApplication app, string authId, string authToken, TimeProvider time)
    {
        _app = app;
        _time = time;
        AuthId = authId;
        AuthToken = authToken;
    }

    public string AuthId { get; }

    public string AuthToken { get; }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Decides the answer for requests with nothing enqueued, by request index (from 0). Thread-safe callers only.</summary>
    public Func<int, FakeResponse> Behaviour { get; set; } = _ => FakeResponse.Accept();

    public IReadOnlyList<RecordedPlivoRequest> Requests => [.. _requests];

    /// <summary>Uuids of messages answered with 202, in answer order.</summary>
    public IReadOnlyList<string> AcceptedUuids => [.. _acceptedUuids];

    public int AcceptedCount => _acceptedUuids.Count;

    /// <param name="authId">Account id the fake expects in the path and the Basic credentials.</param>
    /// <param name="authToken">Auth token the fake expects.</param>
    /// <param name="time">Clock for latencies, hangs and <see cref="RecordedPlivoRequest.ReceivedAt"/>.</param>
    /// <param name="port">A fixed port, e.g. to bring the fake back where a stopped one was; 0 picks a free one.</param>
    public static async Task<FakePlivoServer> StartAsync(
        string authId = DefaultAuthId, string authToken = DefaultAuthToken, TimeProvider? time = null, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakePlivoServer(app, authId, authToken, time ?? TimeProvider.System);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.Single());
        return server;
    }

    /// <summary>Answers the next requests with these responses, in order, before falling back to <see cref="Behaviour"/>.</summary>
    public void Enqueue(params FakeResponse[] responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }
    }

    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await StopAsync();
        }

        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var index = Interlocked.Increment(ref _requestCount) - 1;
        var response = _script.TryDequeue(out var scripted) ? scripted : Behaviour(index);
        if (response.Kind == FakeResponseKind.ResetBeforeReading)
        {
            Record(index, context, string.Empty, response.Kind);
            context.Abort();
            return;
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        Record(index, context, body, response.Kind);

        var match = MessagePath().Match(context.Request.Path.Value ?? string.Empty);
        if (!HttpMethods.IsPost(context.Request.Method) || !match.Success)
        {
            await WriteAsync(context, 404, FakePlivoWire.ErrorBody("not found"));
        }
        else if (!FakePlivoWire.IsAuthorized(context, AuthId, AuthToken, match.Groups["authId"].Value))
        {
            await WriteAsync(context, 401, FakePlivoWire.ErrorBody("Authentication failed"));
        }
        else
        {
            await AnswerAsync(context, response);
        }
    }

    private async Task AnswerAsync(HttpContext context, FakeResponse response)
    {
        if (response.Kind == FakeResponseKind.Status)
        {
            if (response.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = response.RetryAfter;
            }

            await WriteAsync(context, response.StatusCode, response.Body);
            return;
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await Task.Delay(response.Delay, _time, cancel.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var uuid = Guid.NewGuid().ToString();
        _acceptedUuids.Enqueue(uuid);
        await WriteAsync(context, 202, FakePlivoWire.QueuedBody(uuid));
    }

    private void Record(int index, HttpContext context, string body, FakeResponseKind response)
    {
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = context.Request;
        _requests.Enqueue(new RecordedPlivoRequest(
            index, request.Method, request.Path.Value ?? string.Empty, headers, body, FakePlivoWire.TryParse(body), response, _time.GetUtcNow()));
    }

    private static async Task WriteAsync(HttpContext context, int statusCode, string? body)
    {
        context.Response.StatusCode = statusCode;
        if (!string.IsNullOrEmpty(body))
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body, context.RequestAborted);
        }
    }

    [GeneratedRegex("^(?:/.*)?/v1/Account/(?<authId>[^/]+)/Message/?$")]
    private static partial Regex MessagePath();
}
