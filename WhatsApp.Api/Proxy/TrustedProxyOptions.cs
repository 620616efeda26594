namespace WhatsApp.Api.Proxy;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed (section
/// <c>ForwardedHeaders</c>). Only these: a forwarded header from anyone else is ignored, so a client cannot choose its
/// own address, and behind a configured proxy each client keeps its own address rather than all sharing the proxy's
/// (which matters for throttling of invalid API keys).
/// </summary>
public sealed class TrustedProxyOptions
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Proxy addresses, such as <c>10.0.0.5</c> or <c>::1</c>.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Proxy networks in CIDR notation, such as <c>10.0.0.0/8</c>.</summary>
    public IList<string> KnownNetworks { get; } = [];
}
