using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using WhatsApp.Tests.Fakes;

namespace WhatsApp.Tests.Reliability;

/// <summary>
/// The real service as a separate process (<c>dotnet WhatsApp.Api.dll</c>, Production environment) on a given SQLite
/// file, sending to a fake Plivo, with one sender API key and webhook signatures checked against the fake's token.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private const int MaxOutputLines = 2000;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServiceProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public Uri WebhookUrl => new(BaseUrl, "/api/webhooks/plivo");

    public string OutputTail => string.Join(Environment.NewLine, _output.TakeLast(40));

    public static async Task<ServiceProcess> StartAsync(
        string databasePath, Uri plivoBaseUrl, string apiKey, IReadOnlyDictionary<string, string> settings, TimeSpan readyTimeout)
    {
        var baseUrl = new Uri($"http://127.0.0.1:{FreePort()}");
        var assembly = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = baseUrl.ToString(),
            ["ConnectionStrings__WhatsApp"] = $"Data Source={databasePath}",
            ["Messaging__Provider"] = "Plivo",
            ["Messaging__CustomerServiceWindow"] = "Off",
            ["Plivo__BaseUrl"] = plivoBaseUrl.ToString(),
            ["Plivo__AuthId"] = FakePlivoServer.DefaultAuthId,
            ["Plivo__AuthToken"] = FakePlivoServer.DefaultAuthToken,
            ["Plivo__DefaultSender"] = Functional.TestApiKeys.DefaultSender,
            ["Plivo__Senders__0"] = Functional.TestApiKeys.DefaultSender,
            ["Plivo__PublicBaseUrl"] = baseUrl.ToString(),
            ["Auth__ApiKeys__0__Name"] = "crash-test",
            ["Auth__ApiKeys__0__Role"] = "sender",
            ["Auth__ApiKeys__0__Key"] = apiKey,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__Console__FormatterName"] = "simple",
        };
        foreach (var (key, value) in environment.Concat(settings))
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var service = new ServiceProcess(process, baseUrl);
        process.OutputDataReceived += (_, e) => service.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => service.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await service.WaitUntilReadyAsync(readyTimeout);
        return service;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, no lease release.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>
    /// SIGTERM, as <c>docker stop</c>, a deploy or Kubernetes send it, then waits up to <paramref name="timeout"/> for
    /// the process to exit by itself (it is not killed here: <see cref="DisposeAsync"/> does that if it is still up).
    /// </summary>
    public async Task<ServiceExit> TerminateAsync(TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
            if (kill.ExitCode != 0)
            {
                throw new InvalidOperationException($"kill -TERM {_process.Id} exited with code {kill.ExitCode}.");
            }
        }

        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            return new ServiceExit(false, null, watch.Elapsed);
        }

        return new ServiceExit(true, _process.ExitCode, watch.Elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        var ready = await Eventually.HoldsAsync(
            async () =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"The service exited with code {_process.ExitCode}:{Environment.NewLine}{OutputTail}");
                }

                try
                {
                    using var response = await client.GetAsync("/health/ready");
                    return response.StatusCode == HttpStatusCode.OK;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            },
            timeout);
        if (!ready)
        {
            throw new TimeoutException($"The service was not ready within {timeout}:{Environment.NewLine}{OutputTail}");
        }
    }

    private void Keep(string? line)
    {
        if (line is not null && _output.Count < MaxOutputLines)
        {
            _output.Enqueue(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
