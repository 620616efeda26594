namespace WhatsApp.Api.Features.History;

/// <summary>One page of a list. <c>NextCursor</c> is null on the last page; pass it back as <c>cursor</c>.</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, string? NextCursor);
