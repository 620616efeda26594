using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using WhatsApp.Domain.Messages;
using WhatsApp.Infrastructure.Persistence;
using static WhatsApp.Tests.Integration.Persistence.ErasureTestData;

namespace WhatsApp.Tests.Integration.Persistence;

/// <summary>
/// A resend copies its original's content when it is built; an erasure of the contact that commits before the resend
/// is stored must not be undone by it (the copy would bring the erased content back and send it).
/// </summary>
[TestFixture]
public sealed class ResendErasureTests
{
    private const string Contact = "+14155552671";
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private TestDatabase _database = null!;

    [SetUp]
    public async Task CreateDatabase() => _database = await TestDatabase.CreateAsync();

    [TearDown]
    public async Task DropDatabase() => await _database.DisposeAsync();

    [Test]
    public async Task TryAddResend_ContactErasedAfterTheOriginalWasRead_StoresNothing()
    {
        var repository = new MessageRepository(_database, _database.UnitOfWork);
        await SaveAsync(_database, SentText(Contact, Now));
        var original = FailedTemplate(Contact, Now.AddMinutes(1));
        await SaveAsync(_database, original);
        var read = await repository.FindAsync(original.Id, default);
        var resend = Message.CreateResend(read!, Guid.CreateVersion7(Now.AddMinutes(2)), Now.AddMinutes(2));

        await new ContentEraser(_database, NullLogger<ContentEraser>.Instance).EraseContactAsync(Contact, default);
        var stored = await repository.TryAddResendAsync(resend, default);

        await using var db = _database.CreateDbContext();
        Assert.Multiple(async () =>
        {
            Assert.That(stored, Is.False);
            Assert.That(await db.Messages.CountAsync(m => m.Id == resend.Id), Is.Zero);
        });
    }

    [Test]
    public async Task TryAddResend_OriginalWithItsContent_StoresTheResend()
    {
        var repository = new MessageRepository(_database, _database.UnitOfWork);
        var original = FailedTemplate(Contact, Now);
        await SaveAsync(_database, original);
        var resend = Message.CreateResend((await repository.FindAsync(original.Id, default))!, Guid.CreateVersion7(Now), Now);

        Assert.That(await repository.TryAddResendAsync(resend, default), Is.True);
        Assert.That((await repository.FindResendOfAsync(original.Id, default))?.Id, Is.EqualTo(resend.Id));
    }
}
