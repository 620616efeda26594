using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace WhatsApp.Tests.Functional.Security;

/// <summary>
/// The TCP peer a request comes from, which the in-memory test server does not have: the address in
/// <see cref="Header"/>, else 127.0.0.1. Set before the app's own pipeline, so the forwarded-headers middleware
/// treats it as the connection's address.
/// </summary>
internal sealed class PeerAddress : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(Header, out var peer)
                ? IPAddress.Parse(peer.ToString())
                : IPAddress.Loopback;
            return nextMiddleware(context);
        });
        next(app);
    };
}
