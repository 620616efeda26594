using Microsoft.EntityFrameworkCore;
using Moq;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Ports;
using WhatsApp.Domain.Privacy;
using static WhatsApp.Tests.Integration.Persistence.ErasureTestData;

namespace WhatsApp.Tests.Integration.Persistence;

[TestFixture]
public sealed class ContentErasureContactTests
{
    private const string Contact = "+14155552671";
    private const string OtherContact = "+14155552672";
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private TestDatabase _database = null!;
    private ContentErasure _eraser = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        _database = await TestDatabase.CreateAsync();
        _eraser = new ContentErasure(_database.UnitOfWork, Mock.Of<IErasureObserver>(), TimeProvider.System);
    }

    [TearDown]
    public async Task DropDatabase() => await _database.DisposeAsync();

    [Test]
    public async Task EraseContact_OutboundMessages_ContentGoneAndDeliveryMetadataKept()
    {
        var text = SentText(Contact, Now);
        var template = FailedTemplate(Contact, Now.AddMinutes(1));
        var interactive = DeliveredInteractive(Contact, Now.AddMinutes(2));
        var delivered = DeliveredEvent(text, Now.AddMinutes(3));
        await SaveAsync(_database, text, template, interactive, delivered);

        var result = await _eraser.EraseContactAsync(Contact, null, default);

        var erasedText = await LoadAsync(_database, text.Id);
        var erasedTemplate = await LoadAsync(_database, template.Id);
        var erasedInteractive = await LoadAsync(_database, interactive.Id);
        await using var db = _database.CreateDbContext();
        var history = await db.StatusEvents.Where(e => e.MessageId == text.Id).ToListAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(result.Messages, Is.EqualTo(3));
            Assert.That(erasedText.Content, Is.EqualTo(new MessageContent()));
            Assert.That(erasedTemplate.Content, Is.EqualTo(new MessageContent()));
            Assert.That(erasedInteractive.Content, Is.EqualTo(new MessageContent()));
            Assert.That(await SearchTextAsync(_database, text.Id), Is.Null);
            Assert.That(erasedText.Status, Is.EqualTo(MessageStatus.Sent));
            Assert.That(erasedText.ProviderMessageId, Is.EqualTo(text.ProviderMessageId));
            Assert.That(erasedText.Type, Is.EqualTo(MessageType.Text));
            Assert.That((erasedText.From, erasedText.To, erasedText.Contact), Is.EqualTo((text.From, text.To, Contact)));
            Assert.That((erasedText.CreatedAt, erasedText.UpdatedAt, erasedText.SentAt), Is.EqualTo((text.CreatedAt, text.UpdatedAt, text.SentAt)));
            Assert.That(erasedTemplate.TemplateName, Is.EqualTo("order_update"));
            Assert.That((erasedTemplate.Status, erasedTemplate.ErrorCode, erasedTemplate.ErrorReason),
                Is.EqualTo((MessageStatus.Failed, "131026", "Message undeliverable")));
            Assert.That(history.Select(e => e.Status), Is.EqualTo(new[] { MessageStatus.Delivered }));
        });
    }

    [Test]
    public async Task EraseContact_InboundMessage_KeepsOnlyContentTypeAndContextOfTheDetails()
    {
        var media = InboundMediaReply(Contact, Now);
        var reaction = InboundReaction(Contact, Now.AddMinutes(1));
        await SaveAsync(_database, media, reaction);

        var result = await _eraser.EraseContactAsync(Contact, null, default);

        var erased = await LoadAsync(_database, media.Id);
        var erasedReaction = await LoadAsync(_database, reaction.Id);
        Assert.Multiple(async () =>
        {
            Assert.That(result.Messages, Is.EqualTo(2), "a reaction holds content only in its raw fields, and counts");
            Assert.That(erased.Content, Is.EqualTo(new MessageContent()));
            Assert.That(await SearchTextAsync(_database, media.Id), Is.Null);
            Assert.That(erased.Inbound!.ContentType, Is.EqualTo("image"));
            Assert.That(erased.Inbound.ContextMessageId, Is.EqualTo("ctx-uuid"));
            Assert.That(erased.Inbound.MediaUrls, Is.Empty);
            Assert.That(erased.Inbound.RawFields, Is.Empty);
            Assert.That((erased.Inbound.MimeType, erased.Inbound.ButtonPayload, erased.Inbound.ButtonText), Is.EqualTo(((string?)null, (string?)null, (string?)null)));
            Assert.That((erased.Status, erased.ProviderMessageId), Is.EqualTo((MessageStatus.Received, media.ProviderMessageId)));
            Assert.That(erasedReaction.Inbound!.RawFields, Is.Empty);
            Assert.That(erasedReaction.Inbound.ContentType, Is.EqualTo("reaction"));
        });
    }

    [Test]
    public async Task EraseContact_WebhookReceipts_FieldsAndQueryStringEmptiedForThatContactOnly()
    {
        var post = Receipt(Contact, Now);
        var get = Receipt(Contact, Now, "GET");
        var other = Receipt(OtherContact, Now);
        await SaveAsync(_database, post, get, other);

        var result = await _eraser.EraseContactAsync(Contact, null, default);

        var erasedPost = await LoadReceiptAsync(_database, post.Id);
        var erasedGet = await LoadReceiptAsync(_database, get.Id);
        var untouched = await LoadReceiptAsync(_database, other.Id);
        Assert.Multiple(() =>
        {
            Assert.That(result.WebhookReceipts, Is.EqualTo(2));
            Assert.That(erasedPost.Fields, Is.Empty);
            Assert.That(erasedGet.Fields, Is.Empty);
            Assert.That(erasedGet.Url, Is.EqualTo("https://gateway.example.com/api/webhooks/plivo"));
            Assert.That(erasedPost.Url, Is.EqualTo(post.Url));
            Assert.That((erasedPost.Kind, erasedPost.ReceivedAt, erasedPost.Nonce), Is.EqualTo((post.Kind, post.ReceivedAt, post.Nonce)));
            Assert.That(untouched.Fields, Is.EqualTo(other.Fields));
        });
    }

    [Test]
    public async Task EraseContact_OtherContacts_Untouched()
    {
        var mine = SentText(Contact, Now);
        var theirs = SentText(OtherContact, Now, "Their Own Words");
        var theirInbound = InboundMediaReply(OtherContact, Now);
        await SaveAsync(_database, mine, theirs, theirInbound);

        await _eraser.EraseContactAsync(Contact, null, default);

        var keptInbound = await LoadAsync(_database, theirInbound.Id);
        Assert.Multiple(async () =>
        {
            Assert.That((await LoadAsync(_database, theirs.Id)).Content.Text, Is.EqualTo("Their Own Words"));
            Assert.That(await SearchTextAsync(_database, theirs.Id), Is.EqualTo("their own words"));
            Assert.That(keptInbound.Content, Is.EqualTo(theirInbound.Content));
            Assert.That(keptInbound.Inbound!.RawFields, Is.EqualTo(theirInbound.Inbound!.RawFields));
            Assert.That(keptInbound.Inbound.MediaUrls, Is.EqualTo(theirInbound.Inbound.MediaUrls));
        });
    }

    [Test]
    public async Task EraseContact_Twice_SecondErasesNothing()
    {
        await SaveAsync(_database, SentText(Contact, Now), InboundMediaReply(Contact, Now), InboundReaction(Contact, Now), Receipt(Contact, Now, "GET"));

        var first = await _eraser.EraseContactAsync(Contact, null, default);
        var second = await _eraser.EraseContactAsync(Contact, null, default);

        Assert.Multiple(() =>
        {
            Assert.That((first.Messages, first.WebhookReceipts), Is.EqualTo((3, 1)));
            Assert.That((second.Messages, second.WebhookReceipts), Is.EqualTo((0, 0)));
        });
    }
}
