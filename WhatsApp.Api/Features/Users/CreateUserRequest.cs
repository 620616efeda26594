using FluentValidation;
using WhatsApp.Infrastructure.Users;

namespace WhatsApp.Api.Features.Users;

/// <summary>A new inbox user: they sign in at <c>/inbox</c> with this email and password.</summary>
public sealed record CreateUserRequest
{
    public string? Email { get; init; }

    public string? Name { get; init; }

    /// <summary>At least 12 characters.</summary>
    public string? Password { get; init; }

    /// <summary><c>agent</c> or <c>admin</c>.</summary>
    public string? Role { get; init; }
}

public sealed class CreateUserRequestValidator : AbstractValidator<CreateUserRequest>
{
    public CreateUserRequestValidator()
    {
        RuleFor(r => r.Email).NotEmpty().MaximumLength(256).EmailAddress();
        RuleFor(r => r.Name).NotEmpty().MaximumLength(InboxUser.MaxNameLength);
        RuleFor(r => r.Password).NotEmpty().MinimumLength(12).MaximumLength(128);
        RuleFor(r => r.Role).NotEmpty().Must(r => r is null || InboxUsers.Roles.Contains(r)).WithMessage("Must be agent or admin.");
    }
}
