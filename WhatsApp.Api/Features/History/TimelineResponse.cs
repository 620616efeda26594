namespace WhatsApp.Api.Features.History;

/// <summary>
/// A page of one contact's messages, newest first. <c>NextCursor</c> goes to older messages (pass it as
/// <c>before</c>; null when there are none); <c>PrevCursor</c> goes to newer ones (pass it as <c>after</c>).
/// </summary>
public sealed record TimelineResponse(IReadOnlyList<MessageListItem> Items, string? NextCursor, string? PrevCursor);
