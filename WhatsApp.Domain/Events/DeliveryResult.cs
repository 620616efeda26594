namespace WhatsApp.Domain.Events;

/// <summary>What one POST to an endpoint came to: its HTTP status (none when no answer came), time, error and the start of its body.</summary>
public sealed record DeliveryResult(int? StatusCode, TimeSpan Duration, string? Error, string? ResponseBody)
{
    public const int MaxResponseBody = 1024;

    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary><c>410 Gone</c>: the receiver says the endpoint is no more.</summary>
    public bool Gone => StatusCode == 410;
}
