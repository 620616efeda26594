using FluentValidation;
using Limits = WhatsApp.Domain.Messages.MessageMetadata;

namespace WhatsApp.Api.Features.Messages;

/// <summary>
/// <c>metadata</c>: at most 20 keys of 1 to 40 characters, each with a string value of at most 500. A value's error
/// is keyed <c>metadata.&lt;key&gt;</c>; a bad key is named in the message under <c>metadata</c> (only when short
/// enough to echo).
/// </summary>
internal static class MetadataRule
{
    public static IRuleBuilderOptionsConditions<T, IReadOnlyDictionary<string, string?>?> MessageMetadata<T>(
        this IRuleBuilder<T, IReadOnlyDictionary<string, string?>?> rule) =>
        rule.Custom((metadata, context) =>
        {
            if (metadata is null)
            {
                return;
            }

            if (metadata.Count > Limits.MaxKeys)
            {
                context.AddFailure("metadata", $"'metadata' has {metadata.Count} keys; at most {Limits.MaxKeys} are allowed.");
            }

            foreach (var (key, value) in metadata)
            {
                if (key.Length is 0 or > Limits.MaxKeyLength || string.IsNullOrWhiteSpace(key))
                {
                    var shown = key.Length <= 2 * Limits.MaxKeyLength ? $" '{key}'" : string.Empty;
                    context.AddFailure("metadata", $"Each 'metadata' key must be 1 to {Limits.MaxKeyLength} characters, not blank; key{shown} is {key.Length}.");
                }
                else if (value is null)
                {
                    context.AddFailure($"metadata.{key}", $"'metadata.{key}' must be a string, not null.");
                }
                else if (value.Length > Limits.MaxValueLength)
                {
                    context.AddFailure($"metadata.{key}", $"'metadata.{key}' must be at most {Limits.MaxValueLength} characters; it is {value.Length}.");
                }
            }
        });
}
