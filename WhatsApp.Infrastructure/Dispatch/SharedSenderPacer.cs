using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using WhatsApp.Domain.Ports;
using WhatsApp.Infrastructure.Persistence;
using WhatsApp.Infrastructure.Persistence.Writes;

namespace WhatsApp.Infrastructure.Dispatch;

/// <summary>
/// Per-sender pacing for several instances on one PostgreSQL database: each slot is taken from the sender's row in
/// <c>SenderPacing</c> by one atomic upsert, so the limit holds for the sum of all instances. Slots are evenly spaced
/// 1.04 seconds / limit apart, so that no one-second window holds more than the limit even with a little jitter
/// between the gate and the wire (a steady stream runs at about 96% of the limit). Reservations and the send gate
/// are spaced alike, so the gate, which only re-spaces sends that storage bunched up, rarely waits while a message is
/// marked as sending. Each slot costs one short statement of its own, outside the write queue's batches, which would
/// hold the sender's row lock until they commit.
/// </summary>
internal sealed class SharedSenderPacer(
    IDbContextFactory<WhatsAppDbContext> contexts, IOptions<DispatchOptions> options, TimeProvider time) : ISenderPacer
{
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(1040);
    private static readonly string ReserveSql = WriteSql.ReserveSenderSlot(nameof(SenderPacingSlot.NextReservation));
    private static readonly string SendSql = WriteSql.ReserveSenderSlot(nameof(SenderPacingSlot.NextSend));

    public ValueTask WaitAsync(string sender, CancellationToken ct) => WaitAsync(ReserveSql, sender, ct);

    /// <summary>
    /// The shared gate spaces entries 1.04 s / limit apart across all instances, so its permit holds nothing: the
    /// single-instance gate's hold-until-a-second-after-the-answer would bound one instance, not the sum.
    /// </summary>
    public async ValueTask<IDisposable> EnterSendAsync(string sender, CancellationToken ct)
    {
        await WaitAsync(SendSql, sender, ct);
        return NoPermit.Instance;
    }

    private async ValueTask WaitAsync(string sql, string sender, CancellationToken ct)
    {
        var interval = Window / Math.Max(1, Math.Floor(options.Value.PerSenderRatePerSecond));
        double seconds;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("sender", sender);
            command.Parameters.AddWithValue("interval", interval);
            seconds = Convert.ToDouble(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }

        if (seconds > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(seconds), time, ct);
        }
    }

    private sealed class NoPermit : IDisposable
    {
        public static readonly NoPermit Instance = new();

        public void Dispose()
        {
        }
    }
}
