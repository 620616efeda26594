namespace WhatsApp.Domain.Messages;

/// <summary>Reply buttons, a list or a call-to-action URL button (Plivo's <c>interactive</c> object).</summary>
public sealed record InteractiveContent(
    string Type,
    InteractiveHeader? Header,
    InteractiveText? Body,
    InteractiveText? Footer,
    InteractiveAction? Action);

public sealed record InteractiveHeader(string Type, string? Text, string? Media);

public sealed record InteractiveText(string Text);

public sealed record InteractiveAction(IReadOnlyList<InteractiveButton>? Buttons, IReadOnlyList<InteractiveSection>? Sections);

public sealed record InteractiveButton(string? Id, string? Title, string? CtaUrl);

public sealed record InteractiveSection(string? Title, IReadOnlyList<InteractiveRow>? Rows);

public sealed record InteractiveRow(string? Id, string? Title, string? Description);
