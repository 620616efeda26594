using System.Globalization;
using FluentValidation;
using WhatsApp.Domain.Contacts;

namespace WhatsApp.Api.Validation;

/// <summary>
/// Shared rules. Like FluentValidation's built-in rules, each lets null through so that required-ness is stated
/// once, with <c>NotEmpty()</c> or <c>NotNull()</c>.
/// </summary>
internal static class RuleBuilderExtensions
{
    // Surrounding whitespace would be forwarded to Plivo verbatim, so it is not part of a valid coordinate.
    private const NumberStyles CoordinateStyle =
        NumberStyles.Float & ~(NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite);

    public static IRuleBuilderOptions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, params string[] allowed) =>
        rule.Must(value => value is null || allowed.Contains(value, StringComparer.Ordinal))
            .WithMessage($"'{{PropertyName}}' must be one of: {string.Join(", ", allowed)}.");

    /// <summary>An E.164 number by the one rule of <see cref="PhoneNumber.IsE164"/>.</summary>
    public static IRuleBuilderOptions<T, string?> E164<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => value is null || PhoneNumber.IsE164(value)).WithMessage(PhoneNumber.Message);

    public static IRuleBuilderOptions<T, string?> HttpUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => value is null || IsAbsoluteUrl(value, Uri.UriSchemeHttp, Uri.UriSchemeHttps))
            .WithMessage("'{PropertyName}' must be an absolute http or https URL.")
            .PublicUrl()
            .MaximumLength(WhatsAppLimits.UrlMax);

    public static IRuleBuilderOptions<T, string?> HttpsUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => value is null || IsAbsoluteUrl(value, Uri.UriSchemeHttps))
            .WithMessage("'{PropertyName}' must be an absolute https URL.")
            .PublicUrl()
            .MaximumLength(WhatsAppLimits.UrlMax);

    public static IRuleBuilderOptions<T, string?> Coordinate<T>(this IRuleBuilder<T, string?> rule, int bound) =>
        rule.Must(value => value is null || IsCoordinate(value, bound))
            .WithMessage($"'{{PropertyName}}' must be a decimal number between -{bound} and {bound}.");

    public static IRuleBuilderOptions<T, TProperty?> NotAllowed<T, TProperty>(this IRuleBuilder<T, TProperty?> rule, string when) =>
        rule.Null().WithMessage($"'{{PropertyName}}' is not allowed {when}.");

    /// <summary>
    /// <c>SetValidator</c> for a nullable child. FluentValidation skips null children, so a validator of
    /// <typeparamref name="TChild"/> is safe on a <c>TChild?</c> property; only the annotations disagree.
    /// </summary>
    public static IRuleBuilderOptions<T, TChild?> SetChildValidator<T, TChild>(
        this IRuleBuilder<T, TChild?> rule, IValidator<TChild> validator)
        where TChild : class =>
        rule.SetValidator((IValidator<TChild?>)(object)validator);

    /// <summary>Plivo and WhatsApp fetch these URLs: see <see cref="Validation.PublicUrl"/> for what is refused.</summary>
    private static IRuleBuilderOptions<T, string?> PublicUrl<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => value is null || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || Validation.PublicUrl.IsPublic(uri))
            .WithMessage("'{PropertyName}' must be a public URL: no user:password@, and no loopback, private, link-local, unspecified or localhost host.");

    private static bool IsAbsoluteUrl(string value, params string[] schemes) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme, StringComparer.Ordinal);

    private static bool IsCoordinate(string value, int bound) =>
        value.Length <= WhatsAppLimits.CoordinateMax
        && decimal.TryParse(value, CoordinateStyle, CultureInfo.InvariantCulture, out var degrees)
        && degrees >= -bound && degrees <= bound;
}
