using System.Text.RegularExpressions;
using WhatsApp.Api.Validation;
using WhatsApp.Domain.Messages;
using WhatsApp.Domain.Services;

namespace WhatsApp.Api.Features.Inbox;

/// <summary>
/// What an agent writes, checked by the limits <c>POST /api/messages</c> applies (<see cref="WhatsAppLimits"/>) and
/// made into the same send command, with the agent as <c>sent_by</c>.
/// </summary>
public static class Composer
{
    public const string ClientName = "inbox";

    public static (SendMessageCommand? Command, string? Problem) Text(string from, string to, string? body, string sentBy) =>
        string.IsNullOrWhiteSpace(body) ? (null, "Write a reply first.")
        : body.Length > WhatsAppLimits.TextMax ? (null, $"A reply holds at most {WhatsAppLimits.TextMax} characters.")
        : (new SendMessageCommand(from, to, MessageType.Text, MessageContent.ForText(body), ClientName, SentBy: sentBy), null);

    /// <summary>A template whose body parameters are the lines of <paramref name="parameters"/>.</summary>
    public static (SendMessageCommand? Command, string? Problem) Template(
        string from, string to, string? name, string? language, string? parameters, string sentBy)
    {
        var values = (parameters ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var problem = name is null || name.Length > WhatsAppLimits.TemplateNameMax || !Regex.IsMatch(name, WhatsAppLimits.TemplateNamePattern)
            ? "A template name may hold only a-z, 0-9 and _."
            : language is null || !Regex.IsMatch(language, WhatsAppLimits.TemplateLanguagePattern)
            ? "The language must be a code such as en, en_US or pt_BR."
            : values.Any(v => v.Length > WhatsAppLimits.TemplateTextParameterMax)
            ? $"A parameter holds at most {WhatsAppLimits.TemplateTextParameterMax} characters."
            : null;
        if (problem is not null)
        {
            return (null, problem);
        }

        TemplateComponent[]? components = values.Length == 0
            ? null
            : [new TemplateComponent("body", null, null, values.Select(v => new TemplateParameter("text", Text: v)).ToList())];
        var content = new MessageContent(Template: new TemplateContent(name!, language!, components));
        return (new SendMessageCommand(from, to, MessageType.Template, content, ClientName, SentBy: sentBy), null);
    }
}
