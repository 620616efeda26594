namespace WhatsApp.Infrastructure.Persistence.Configurations;

/// <summary>What an erasure writes over a column that holds customer content (<see cref="ColumnErasure"/>).</summary>
internal enum ErasedAs
{
    /// <summary>NULL.</summary>
    Null,

    /// <summary>An empty JSON list.</summary>
    EmptyList,

    /// <summary>The URL without its query string, which carried the message when a webhook came as a GET.</summary>
    UrlWithoutQuery,

    /// <summary>The inbound details without what the customer sent (raw fields, media, mime type, button), keeping content type and context id.</summary>
    InboundWithoutContent,
}
