using System.ComponentModel.DataAnnotations;
using WhatsApp.Domain.Contacts;

namespace WhatsApp.Api.Validation;

/// <summary>
/// A route or query value that must be an E.164 number; a mismatch is a 400 naming the parameter. The check is
/// <see cref="PhoneNumber.IsE164"/>; the pattern is there only for the OpenAPI document (ECMAScript, where <c>$</c> is the end).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class E164Attribute() : RegularExpressionAttribute(PhoneNumber.Pattern)
{
    // Null is left to [Required], as with the other validation attributes.
    public override bool IsValid(object? value) => value is null || PhoneNumber.IsE164(value as string);

    public override string FormatErrorMessage(string name) => PhoneNumber.Message;
}
