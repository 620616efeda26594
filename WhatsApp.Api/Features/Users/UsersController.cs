using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WhatsApp.Api.Auth;
using WhatsApp.Domain.Common;
using WhatsApp.Infrastructure.Users;

namespace WhatsApp.Api.Features.Users;

/// <summary>Inbox users, for an admin key: how the first admin of a fresh install is made.</summary>
[ApiController]
[Route("api/users")]
[Authorize(Policy = Policies.Admin)]
public sealed class UsersController(InboxUsers users) : ControllerBase
{
    /// <summary>Creates an inbox user (agent or admin) who signs in at <c>/inbox</c>; a taken email is a 409.</summary>
    [HttpPost]
    [EndpointName("createUser")]
    [Consumes("application/json")]
    [ProducesResponseType<UserResponse>(StatusCodes.Status201Created, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<ActionResult<UserResponse>> Create(CreateUserRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var created = await users.CreateAsync(request.Email!, request.Name!, request.Password!, request.Role!);
        if (created.EmailTaken)
        {
            throw new ConflictException($"A user with the email {request.Email} exists already.");
        }

        if (created.User is not { } user)
        {
            foreach (var (field, messages) in created.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field, message);
                }
            }

            return ValidationProblem(ModelState);
        }

        return CreatedAtAction(nameof(Get), new { id = user.Id }, UserResponse.From(user));
    }

    /// <summary>An inbox user, without the password.</summary>
    [HttpGet("{id}")]
    [EndpointName("getUser")]
    [ProducesResponseType<UserResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<UserResponse>> Get(string id) =>
        await users.FindByIdAsync(id) is { } user ? UserResponse.From(user) : throw new NotFoundException("User", id);
}
