using Microsoft.EntityFrameworkCore;
using Moq;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;
using WhatsApp.Domain.Privacy;
using WhatsApp.Infrastructure.Persistence;
using WhatsApp.Tests.Builders;
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
    public async Task StoreResend_ContactErasedAfterTheOriginalWasRead_StoresNothing()
    {
        var repository = new MessageRepository(_database);
        await SaveAsync(_database, SentText(Contact, Now));
        var original = FailedTemplate(Contact, Now.AddMinutes(1));
        await SaveAsync(_database, original);
        var read = await repository.FindAsync(original.Id, default);
        var resend = Message.CreateResend(read!, Guid.CreateVersion7(Now.AddMinutes(2)), Now.AddMinutes(2));

        await new ContentErasure(_database.UnitOfWork, Mock.Of<IErasureObserver>(), TimeProvider.System).EraseContactAsync(Contact, null, default);
        var stored = await _database.UnitOfWork.StoreResendAsync(resend);

        await using var db = _database.CreateDbContext();
        Assert.Multiple(async () =>
        {
            Assert.That(stored, Is.False);
            Assert.That(await db.Messages.CountAsync(m => m.Id == resend.Id), Is.Zero);
        });
    }

    [Test]
    public async Task StoreResend_OriginalWithItsContent_StoresTheResend()
    {
        var repository = new MessageRepository(_database);
        var original = FailedTemplate(Contact, Now);
        await SaveAsync(_database, original);
        var resend = Message.CreateResend((await repository.FindAsync(original.Id, default))!, Guid.CreateVersion7(Now), Now);

        Assert.That(await _database.UnitOfWork.StoreResendAsync(resend), Is.True);
        Assert.That((await repository.FindResendOfAsync(original.Id, default))?.Id, Is.EqualTo(resend.Id));
    }
}
