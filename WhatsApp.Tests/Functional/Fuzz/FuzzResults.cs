using System.Collections.Concurrent;
using System.Net;

namespace WhatsApp.Tests.Functional.Fuzz;

/// <summary>What a fuzz run saw: status counts per endpoint, and every failure with the request that caused it.</summary>
internal sealed class FuzzResults
{
    /// <summary>Text that only an exception, a stack trace or a database error can put in a response.</summary>
    private static readonly string[] LeakMarkers =
    [
        "   at ", ".cs:line", "StackTrace", "SqliteException", "SQLite Error", "Microsoft.Data.Sqlite",
        "Microsoft.EntityFrameworkCore", "System.InvalidOperation", "System.ArgumentException", "System.Text.Json", "SELECT \"", "FROM \"",
    ];

    private readonly ConcurrentDictionary<(string Endpoint, int Status), int> _statuses = new();
    private readonly ConcurrentQueue<string> _serverErrors = new();
    private readonly ConcurrentQueue<string> _leaks = new();
    private readonly ConcurrentQueue<string> _transportErrors = new();
    private int _sent;
    private int _unsigned;

    public int Sent => _sent;

    public int UnsignedWebhooks => _unsigned;

    public IReadOnlyCollection<string> ServerErrors => _serverErrors;

    public IReadOnlyCollection<string> Leaks => _leaks;

    public IReadOnlyCollection<string> TransportErrors => _transportErrors;

    public int Count(Func<int, bool> status) => _statuses.Where(s => status(s.Key.Status)).Sum(s => s.Value);

    public async Task SendAsync(HttpClient client, FuzzRequest request, CancellationToken ct)
    {
        Interlocked.Increment(ref _sent);
        if (request.Unsigned)
        {
            Interlocked.Increment(ref _unsigned);
        }

        try
        {
            using var message = request.ToMessage();
            using var response = await client.SendAsync(message, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var status = (int)response.StatusCode;
            _statuses.AddOrUpdate((request.Endpoint.Split(' ')[0], status), 1, (_, n) => n + 1);
            if (status >= 500)
            {
                _serverErrors.Enqueue($"{status} for {request.Describe()}\n  response: {Cut(body)}");
            }

            if (LeakMarkers.FirstOrDefault(m => body.Contains(m, StringComparison.Ordinal)) is { } leak)
            {
                _leaks.Enqueue($"'{leak}' in the {status} response to {request.Describe()}\n  response: {Cut(body)}");
            }

            if (request.Unsigned && response.StatusCode == HttpStatusCode.OK)
            {
                _serverErrors.Enqueue($"unsigned webhook accepted: {request.Describe()}");
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException)
        {
            _transportErrors.Enqueue($"{e.GetType().Name}: {e.Message} for {request.Describe()}");
        }
    }

    public string Summary() => string.Join(
        "\n",
        _statuses.GroupBy(s => s.Key.Endpoint).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"  {g.Key,-14} {g.Sum(s => s.Value),6}: " + string.Join(", ", g.OrderBy(s => s.Key.Status).Select(s => $"{s.Key.Status}×{s.Value}"))));

    private static string Cut(string body) => body.Length <= 800 ? body : body[..800] + "…";
}
