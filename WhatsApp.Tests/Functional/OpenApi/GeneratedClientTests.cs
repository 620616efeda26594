using WhatsApp.Client;
using WhatsApp.Client.Models;

namespace WhatsApp.Tests.Functional.OpenApi;

/// <summary>
/// The Kiota client generated from the committed document (samples/WhatsApp.Client) against the running service: if the
/// document misnames a field, a type or a path, these calls fail or read nothing back.
/// </summary>
[TestFixture]
public sealed class GeneratedClientTests
{
    private const string Contact = "+14155552671";
    private WhatsAppApiFactory _factory = null!;
    private WhatsAppApiClient _sender = null!;
    private WhatsAppApiClient _agent = null!;
    private WhatsAppApiClient _admin = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new WhatsAppApiFactory();
        _sender = WhatsAppClientFactory.Create(_factory.CreateClient(), TestApiKeys.Sender);
        _agent = WhatsAppClientFactory.Create(_factory.CreateClient(), TestApiKeys.Agent);
        _admin = WhatsAppClientFactory.Create(_factory.CreateClient(), TestApiKeys.Admin);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _factory.DisposeAsync();

    [Test]
    public async Task SendEachType_ThenGet_ReadsBackWhatWasSent()
    {
        foreach (var (request, type) in GeneratedClientRequests.OneOfEachType(Contact))
        {
            var accepted = await _sender.Api.Messages.PostAsync(request);
            Assert.That(accepted?.Id, Is.Not.Null, $"{type}: no id");
            Assert.That(accepted!.Status, Is.EqualTo(SendMessageResponse_status.Queued));

            var message = await _sender.Api.Messages[accepted.Id!.Value].GetAsync();
            Assert.Multiple(() =>
            {
                Assert.That(message?.Type, Is.EqualTo(type));
                Assert.That(message?.To, Is.EqualTo(Contact));
                Assert.That(message?.Direction, Is.EqualTo(MessageResponse_direction.Outbound));
                Assert.That(message?.CreatedAt, Is.Not.Null);
            });
        }
    }

    [Test]
    public async Task SendMedia_MediaUrlsReachTheService()
    {
        var accepted = await _sender.Api.Messages.PostAsync(GeneratedClientRequests.Media("+14155552672"));
        var message = await _sender.Api.Messages[accepted!.Id!.Value].GetAsync();
        Assert.That(message?.MediaUrl, Is.EqualTo(GeneratedClientRequests.MediaUrl));
    }

    [Test]
    public async Task SendInvalid_ThrowsValidationProblemNamingTheField()
    {
        var request = new SendMessageRequest
        {
            TextMessageRequest = new TextMessageRequest { Type = TextMessageRequest_type.Text, To = "not-a-number", Message = "Hi" },
        };

        var problem = Assert.ThrowsAsync<ValidationProblemDetails>(() => _sender.Api.Messages.PostAsync(request));
        Assert.Multiple(() =>
        {
            Assert.That(problem!.ResponseStatusCode, Is.EqualTo(400));
            Assert.That(problem.Status, Is.EqualTo(400));
            Assert.That(problem.Errors?.AdditionalData.Keys, Does.Contain("to"));
            Assert.That(problem.TraceId, Is.Not.Empty);
        });
    }

    [Test]
    public async Task ConversationsAndTimeline_WalkedByCursor_VisitEveryItemOnce()
    {
        var contacts = new[] { "+4915100000101", "+4915100000102", "+4915100000103" };
        var sent = new List<Guid>();
        foreach (var contact in contacts)
        {
            await _admin.Api.Admin.Simulator.Inbound.PostAsync(new SimulateInboundRequest { From = contact, Message = "Hello" });
            for (var i = 0; i < 2; i++)
            {
                var accepted = await _sender.Api.Messages.PostAsync(GeneratedClientRequests.Text(contact, $"Reply {i}"));
                sent.Add(accepted!.Id!.Value);
            }
        }

        var listed = new List<string>();
        string? cursor = null;
        do
        {
            var page = await _agent.Api.Conversations.GetAsync(c => { c.QueryParameters.Limit = 1; c.QueryParameters.Q = "+49151000001"; c.QueryParameters.Cursor = cursor; });
            Assert.That(page?.Items, Has.Count.LessThanOrEqualTo(1));
            listed.AddRange(page!.Items!.Select(c => c.Contact!));
            cursor = page.NextCursor;
        }
        while (cursor is not null && listed.Count <= contacts.Length);
        Assert.That(listed, Is.EquivalentTo(contacts));

        var timeline = new List<MessageListItem>();
        string? before = null;
        do
        {
            var page = await _agent.Api.Conversations[contacts[0]].Messages.GetAsync(c => { c.QueryParameters.Limit = 2; c.QueryParameters.Before = before; });
            timeline.AddRange(page!.Items!);
            before = page.NextCursor;
        }
        while (before is not null && timeline.Count <= 3);
        Assert.Multiple(() =>
        {
            Assert.That(timeline.Select(m => m.Direction), Is.EqualTo(new[] { MessageListItem_direction.Outbound, MessageListItem_direction.Outbound, MessageListItem_direction.Inbound }));
            Assert.That(timeline.Take(2).Select(m => m.Id!.Value), Is.EquivalentTo(sent.Take(2)));
        });
    }
}
