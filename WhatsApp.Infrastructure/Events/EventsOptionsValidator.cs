using Microsoft.Extensions.Options;

namespace WhatsApp.Infrastructure.Events;

/// <summary>Start-up check of the <c>Events</c> section.</summary>
internal sealed class EventsOptionsValidator : IValidateOptions<EventsOptions>
{
    public ValidateOptionsResult Validate(string? name, EventsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.RetrySchedule.Any(d => d < TimeSpan.Zero) || options.RetrySchedule.Count > 20)
        {
            failures.Add("Events:RetrySchedule takes at most 20 waits, none negative.");
        }

        Positive(options.DisableAfter, "DisableAfter");
        Positive(options.Timeout, "Timeout");
        Positive(options.PollInterval, "PollInterval");
        Positive(options.KeepSucceededDeliveries, "KeepSucceededDeliveries");
        if (options.SecretOverlap < TimeSpan.Zero)
        {
            failures.Add("Events:SecretOverlap must not be negative.");
        }

        if (options.ConcurrencyPerEndpoint is < 1 or > 100)
        {
            failures.Add("Events:ConcurrencyPerEndpoint must be between 1 and 100.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Positive(TimeSpan value, string key)
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"Events:{key} must be positive.");
            }
        }
    }
}
