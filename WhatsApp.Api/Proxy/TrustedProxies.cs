using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace WhatsApp.Api.Proxy;

public static class TrustedProxies
{
    /// <summary>
    /// Forwarded headers from the configured proxies only. ASP.NET Core's defaults trust loopback, which would make a
    /// local process able to claim any address; with nothing configured, no forwarded header is believed.
    /// </summary>
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddOptions<TrustedProxyOptions>().BindConfiguration(TrustedProxyOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TrustedProxyOptions>, TrustedProxyOptionsValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>>((o, trusted) =>
        {
            // The middleware trusts every peer when both lists are empty, so with none configured it is switched off.
            var configured = trusted.Value.KnownProxies.Count + trusted.Value.KnownNetworks.Count > 0;
            o.ForwardedHeaders = configured ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto : ForwardedHeaders.None;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // The obsolete list is still consulted; its loopback default must go too.
            o.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005

            // Validated at start-up; an entry that does not parse has already stopped it.
            foreach (var proxy in trusted.Value.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in trusted.Value.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }
}
