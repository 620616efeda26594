using System.ComponentModel.DataAnnotations;

namespace WhatsApp.Api.Contracts;

/// <summary>A route or query value that must be an E.164 number; a mismatch is a 400 naming the parameter.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class E164Attribute() : RegularExpressionAttribute(PhoneNumbers.Pattern)
{
    public override string FormatErrorMessage(string name) => PhoneNumbers.Message;
}
