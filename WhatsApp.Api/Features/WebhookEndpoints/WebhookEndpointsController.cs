using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using WhatsApp.Api.Auth;
using WhatsApp.Domain.Common;
using WhatsApp.Domain.Events;
using WhatsApp.Domain.Ports;

namespace WhatsApp.Api.Features.WebhookEndpoints;

/// <summary>The business's own systems that receive signed events (Standard Webhooks), and their deliveries.</summary>
[ApiController]
[Route("api/webhook-endpoints")]
[Authorize(Policy = Policies.Admin)]
public sealed class WebhookEndpointsController(Domain.Events.WebhookEndpoints endpoints, IEventQueries queries) : ControllerBase
{
    private const int MaxLimit = 200;

    /// <summary>Registers an endpoint; the answer holds its signing secret, shown only here and on rotation.</summary>
    [HttpPost]
    [EndpointName("createWebhookEndpoint")]
    [ProducesResponseType<WebhookEndpointResponse>(StatusCodes.Status201Created, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<WebhookEndpointResponse>> Create(CreateWebhookEndpointRequest request, CancellationToken ct)
    {
        var endpoint = await endpoints.CreateAsync(request.Url!, request.Description, request.EventTypes, request.Senders, ct);
        return CreatedAtAction(nameof(Get), new { id = endpoint.Id }, WebhookEndpointResponse.From(endpoint, withSecret: true));
    }

    /// <summary>Endpoints in the order they were made.</summary>
    [HttpGet]
    [EndpointName("listWebhookEndpoints")]
    [ProducesResponseType<WebhookEndpointPage>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<WebhookEndpointPage>> List([FromQuery] int limit = 50, [FromQuery] string? cursor = null, CancellationToken ct = default)
    {
        if (Invalid(limit, cursor, out var after) is { } problem)
        {
            return problem;
        }

        var page = await queries.ListEndpointsAsync(after, limit + 1, ct);
        var items = page.Take(limit).Select(e => WebhookEndpointResponse.From(e)).ToList();
        return new WebhookEndpointPage(items, page.Count > limit ? items[^1].Id.ToString() : null);
    }

    /// <summary>One endpoint (without its secret).</summary>
    [HttpGet("{id:guid}")]
    [EndpointName("getWebhookEndpoint")]
    [ProducesResponseType<WebhookEndpointResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<WebhookEndpointResponse> Get(Guid id, CancellationToken ct) =>
        WebhookEndpointResponse.From(await queries.FindEndpointAsync(id, ct) ?? throw NotFound(id));

    /// <summary>Changes what is given; <c>disabled: false</c> resumes deliveries to an endpoint the gateway disabled.</summary>
    [HttpPatch("{id:guid}")]
    [EndpointName("updateWebhookEndpoint")]
    [ProducesResponseType<WebhookEndpointResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<WebhookEndpointResponse> Update(Guid id, UpdateWebhookEndpointRequest request, CancellationToken ct) =>
        WebhookEndpointResponse.From(await endpoints.ChangeAsync(id, request.Url, request.Description, request.EventTypes, request.Senders, request.Disabled, ct));

    /// <summary>Deletes the endpoint with its deliveries.</summary>
    [HttpDelete("{id:guid}")]
    [EndpointName("deleteWebhookEndpoint")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IActionResult> Delete(Guid id, CancellationToken ct)
    {
        await endpoints.DeleteAsync(id, ct);
        return NoContent();
    }

    /// <summary>A new signing secret; the previous one keeps signing beside it (two signatures) for <c>Events:SecretOverlap</c>.</summary>
    [HttpPost("{id:guid}/rotate-secret")]
    [EndpointName("rotateWebhookEndpointSecret")]
    [ProducesResponseType<WebhookEndpointResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<WebhookEndpointResponse> RotateSecret(Guid id, CancellationToken ct) =>
        WebhookEndpointResponse.From(await endpoints.RotateSecretAsync(id, ct), withSecret: true);

    /// <summary>The endpoint's deliveries, newest first, each with its event and attempts.</summary>
    [HttpGet("{id:guid}/deliveries")]
    [EndpointName("listWebhookDeliveries")]
    [ProducesResponseType<DeliveryPage>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<DeliveryPage>> Deliveries(
        Guid id, [FromQuery] string? status = null, [FromQuery] int limit = 50, [FromQuery] string? cursor = null, CancellationToken ct = default)
    {
        if (Invalid(limit, cursor, out var before) is { } problem)
        {
            return problem;
        }

        DeliveryStatus? wanted = status switch
        {
            null => null,
            "pending" => DeliveryStatus.Pending,
            "succeeded" => DeliveryStatus.Succeeded,
            "failed" => DeliveryStatus.Failed,
            _ => null,
        };
        if (status is not null && wanted is null)
        {
            return Problem("status", "Must be pending, succeeded or failed.");
        }

        _ = await queries.FindEndpointAsync(id, ct) ?? throw NotFound(id);
        var page = await queries.ListDeliveriesAsync(id, wanted, before, limit + 1, ct);
        var items = page.Take(limit).Select(d => new DeliveryResponse(
            d.Delivery.Id, d.Event.Id, d.Event.Type, Wire.Name(d.Delivery.Status), d.Delivery.Attempts, d.Delivery.NextAttemptAt, d.Delivery.CreatedAt,
            d.Attempts.Select(a => new DeliveryAttemptResponse(a.AttemptedAt, a.StatusCode, a.DurationMs, a.Error, a.ResponseBody)).ToList())).ToList();
        return new DeliveryPage(items, page.Count > limit ? items[^1].Id.ToString() : null);
    }

    /// <summary>Sends a delivery again now, with a fresh retry schedule.</summary>
    [HttpPost("{id:guid}/deliveries/{deliveryId:guid}/retry")]
    [EndpointName("retryWebhookDelivery")]
    [ProducesResponseType(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IActionResult> Retry(Guid id, Guid deliveryId, CancellationToken ct)
    {
        await endpoints.RetryAsync(id, deliveryId, ct);
        return Accepted();
    }

    /// <summary>Sends every failed delivery made since <c>since</c> again.</summary>
    [HttpPost("{id:guid}/recover")]
    [EndpointName("recoverWebhookDeliveries")]
    [ProducesResponseType<RecoverResponse>(StatusCodes.Status202Accepted, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<RecoverResponse>> Recover(Guid id, [FromQuery] DateTimeOffset? since, CancellationToken ct)
    {
        if (since is not { } from)
        {
            return Problem("since", "Required: the time (RFC 3339) from which failed deliveries are sent again.");
        }

        return Accepted(new RecoverResponse(await endpoints.RecoverAsync(id, from, ct)));
    }

    /// <summary>Sends a <c>webhook.test</c> event to this endpoint.</summary>
    [HttpPost("{id:guid}/test")]
    [EndpointName("testWebhookEndpoint")]
    [ProducesResponseType(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<IActionResult> Test(Guid id, CancellationToken ct)
    {
        await endpoints.TestAsync(id, ct);
        return Accepted();
    }

    private ActionResult? Invalid(int limit, string? cursor, out Guid? key)
    {
        key = null;
        if (limit is < 1 or > MaxLimit)
        {
            return Problem("limit", $"Must be between 1 and {MaxLimit}.");
        }

        if (cursor is not null)
        {
            if (!Guid.TryParse(cursor, out var parsed))
            {
                return Problem("cursor", "Not a cursor this list returned.");
            }

            key = parsed;
        }

        return null;
    }

    private ActionResult Problem(string field, string message)
    {
        ModelState.AddModelError(field, message);
        return ValidationProblem(ModelState);
    }

    private static NotFoundException NotFound(Guid id) => new("Webhook endpoint", id.ToString());
}
