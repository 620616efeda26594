namespace WhatsApp.Infrastructure.Plivo.Contracts;

internal sealed record PlivoInteractiveAction(
    IReadOnlyList<PlivoInteractiveButton>? Buttons,
    IReadOnlyList<PlivoInteractiveSection>? Sections);
