namespace WhatsApp.Api.Validation;

/// <summary>
/// Length and count limits enforced before a message reaches Plivo. Sources: Plivo's Messages API (text, media),
/// Meta's Direct Send / interactive limits and Meta's SDK objects (see plivo-whatsapp-facts.md §1.6). Where
/// neither states a limit, the bound is ours and only there to keep requests sane.
/// </summary>
public static class WhatsAppLimits
{
    /// <summary>Plivo: WhatsApp free-form <c>text</c>.</summary>
    public const int TextMax = 4096;

    /// <summary>Media caption; commonly 1024 (third-party sources only).</summary>
    public const int CaptionMax = 1024;

    /// <summary>Plivo: one media URL per WhatsApp message.</summary>
    public const int MediaUrlsPerMessage = 1;

    /// <summary>Ours: a generous URL length (browsers and CDNs commonly cap near 2048).</summary>
    public const int UrlMax = 2048;

    /// <summary>Meta template API: names are <c>[a-z0-9_]</c>, at most 512 characters.</summary>
    public const int TemplateNameMax = 512;

    public const string TemplateNamePattern = @"^[a-z0-9_]+\z";

    /// <summary>en, en_US, pt_BR, fil: the codes Meta lists for templates.</summary>
    public const string TemplateLanguagePattern = @"^[a-z]{2,3}(_[A-Z]{2})?\z";

    /// <summary>Meta: a body variable can fill the whole 1024-character body.</summary>
    public const int TemplateTextParameterMax = 1024;

    /// <summary>Ours: Meta states none for quick-reply payloads; matches the reply-button id limit.</summary>
    public const int TemplatePayloadMax = 256;

    /// <summary>Ours: currency and date_time fallback text.</summary>
    public const int TemplateFallbackValueMax = 256;

    /// <summary>Ours: named template parameters (<c>parameter_name</c>).</summary>
    public const int TemplateParameterNameMax = 128;

    /// <summary>Meta Direct Send: interactive body text.</summary>
    public const int InteractiveBodyMax = 1024;

    /// <summary>Meta Direct Send: header text.</summary>
    public const int InteractiveHeaderTextMax = 60;

    /// <summary>Meta Direct Send: footer text.</summary>
    public const int InteractiveFooterMax = 60;

    /// <summary>Meta: 1 to 3 reply buttons.</summary>
    public const int ReplyButtonsMax = 3;

    /// <summary>Meta SDK ButtonObject: reply button id.</summary>
    public const int ButtonIdMax = 256;

    /// <summary>Meta SDK ButtonObject: button title; also the list-open and CTA button labels.</summary>
    public const int ButtonTitleMax = 20;

    /// <summary>Meta: at most 10 sections in a list.</summary>
    public const int ListSectionsMax = 10;

    /// <summary>Meta: at most 10 rows in total across all sections.</summary>
    public const int ListRowsMax = 10;

    /// <summary>Section title (third-party libraries only).</summary>
    public const int SectionTitleMax = 24;

    /// <summary>Meta SDK RowObject: row id.</summary>
    public const int RowIdMax = 200;

    /// <summary>Meta SDK RowObject: row title.</summary>
    public const int RowTitleMax = 24;

    /// <summary>Meta SDK RowObject: row description.</summary>
    public const int RowDescriptionMax = 72;

    /// <summary>Ours: location name and address (neither Plivo nor Meta states a limit).</summary>
    public const int LocationTextMax = 1000;

    /// <summary>Ours: a decimal-degree string longer than this carries no extra meaning.</summary>
    public const int CoordinateMax = 32;
}
