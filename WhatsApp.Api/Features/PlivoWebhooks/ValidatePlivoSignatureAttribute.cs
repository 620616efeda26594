using Microsoft.AspNetCore.Mvc;

namespace WhatsApp.Api.Features.PlivoWebhooks;

/// <summary>
/// Accepts the action only for webhooks carrying a valid Plivo signature (see <see cref="PlivoSignatureFilter"/>);
/// combine with <c>[AllowAnonymous]</c>, since Plivo sends no API key. Needs <c>AddPlivoWebhookSignatures()</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class ValidatePlivoSignatureAttribute() : ServiceFilterAttribute(typeof(PlivoSignatureFilter));
