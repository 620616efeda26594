using Microsoft.Extensions.Time.Testing;
using Moq;
using WhatsApp.Domain.Common;
using WhatsApp.Domain.Contacts;
using WhatsApp.Tests.Builders;

namespace WhatsApp.Tests.Unit.Domain;

public sealed class ConversationActionsTests
{
    private const string Agent = "agent@example.com";
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private InlineUnitOfWork _unitOfWork = null!;
    private ConversationActions _actions = null!;
    private Contact _contact = null!;

    [SetUp]
    public void SetUp()
    {
        _unitOfWork = new InlineUnitOfWork();
        _actions = new ConversationActions(_unitOfWork, new FakeTimeProvider(Now));
        _contact = Contact.For(new MessageBuilder().Build());
        _unitOfWork.Writes.Setup(w => w.FindContactAsync(_contact.Number, It.IsAny<CancellationToken>())).ReturnsAsync(_contact);
    }

    [Test]
    public async Task Resolve_OpenConversation_StoresTheStateAndWhoResolvedIt()
    {
        Assert.That(await _actions.ResolveAsync(_contact.Number, Agent, CancellationToken.None), Is.True);

        Assert.That(_contact.State, Is.EqualTo(ConversationState.Resolved));
        _unitOfWork.Writes.Verify(w => w.UpdateContactAsync(_contact, It.IsAny<CancellationToken>()), Times.Once);
        VerifyActivity(ConversationActivityKind.Resolved, null);
    }

    [Test]
    public async Task Resolve_AlreadyResolved_WritesNothing()
    {
        _contact.MoveTo(ConversationState.Resolved);

        Assert.That(await _actions.ResolveAsync(_contact.Number, Agent, CancellationToken.None), Is.False);

        _unitOfWork.Writes.Verify(w => w.UpdateContactAsync(It.IsAny<Contact>(), It.IsAny<CancellationToken>()), Times.Never);
        _unitOfWork.Writes.Verify(w => w.AddActivityAsync(It.IsAny<ConversationActivity>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Assign_ThenUnassign_RecordsTheAgentThenNobody()
    {
        await _actions.AssignAsync(_contact.Number, "other@example.com", Agent, CancellationToken.None);
        Assert.That(_contact.AssignedTo, Is.EqualTo("other@example.com"));
        VerifyActivity(ConversationActivityKind.Assigned, "other@example.com");

        await _actions.AssignAsync(_contact.Number, null, Agent, CancellationToken.None);
        Assert.That(_contact.AssignedTo, Is.Null);
        VerifyActivity(ConversationActivityKind.Unassigned, null);
    }

    [Test]
    public async Task Assign_ToWhoeverHasIt_WritesNothing()
    {
        _contact.AssignTo(Agent);

        Assert.That(await _actions.AssignAsync(_contact.Number, Agent, Agent, CancellationToken.None), Is.False);
        _unitOfWork.Writes.Verify(w => w.AddActivityAsync(It.IsAny<ConversationActivity>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task AddNote_StoresTheTextAsANoteByTheAgent()
    {
        await _actions.AddNoteAsync(_contact.Number, Agent, "Customer prefers email", CancellationToken.None);

        VerifyActivity(ConversationActivityKind.Note, "Customer prefers email");
        _unitOfWork.Writes.Verify(w => w.UpdateContactAsync(It.IsAny<Contact>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void AddNote_LongerThanTheBound_ThrowsAndWritesNothing()
    {
        var text = new string('n', ConversationActivity.NoteMaxLength + 1);

        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _actions.AddNoteAsync(_contact.Number, Agent, text, CancellationToken.None));
        _unitOfWork.Writes.Verify(w => w.AddActivityAsync(It.IsAny<ConversationActivity>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public void Resolve_UnknownConversation_ThrowsNotFound()
    {
        Assert.ThrowsAsync<NotFoundException>(() => _actions.ResolveAsync("+15550000000", Agent, CancellationToken.None));
    }

    private void VerifyActivity(ConversationActivityKind kind, string? text) =>
        _unitOfWork.Writes.Verify(
            w => w.AddActivityAsync(
                It.Is<ConversationActivity>(a => a.Kind == kind && a.Actor == Agent && a.Text == text && a.CreatedAt == Now && a.Contact == _contact.Number),
                It.IsAny<CancellationToken>()),
            Times.Once);
}
