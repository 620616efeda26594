using Microsoft.Extensions.Time.Testing;
using WhatsApp.Infrastructure.Persistence;

namespace WhatsApp.Tests.Unit.Persistence;

[TestFixture]
public sealed class MicrosecondTimeProviderTests
{
    [Test]
    public void GetUtcNow_TimeWithTicks_DropsWhatPostgresCannotStore()
    {
        var inner = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero).AddTicks(1234567));

        var now = new MicrosecondTimeProvider(inner).GetUtcNow();

        Assert.That(now, Is.EqualTo(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero).AddTicks(1234560)));
    }
}
