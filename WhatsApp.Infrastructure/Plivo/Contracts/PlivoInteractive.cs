namespace WhatsApp.Infrastructure.Plivo.Contracts;

internal sealed record PlivoInteractive(
    string Type,
    PlivoInteractiveHeader? Header,
    PlivoInteractiveText? Body,
    PlivoInteractiveText? Footer,
    PlivoInteractiveAction? Action);
