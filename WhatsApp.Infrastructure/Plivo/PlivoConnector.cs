using System.Net.Sockets;

namespace WhatsApp.Infrastructure.Plivo;

/// <summary>
/// Opens TCP connections with a connect timeout that surfaces as a connection error. SocketsHttpHandler's own
/// ConnectTimeout throws a bare TaskCanceledException, indistinguishable from a timeout after the request was sent;
/// a failed connect is certainly "not sent" and therefore safe to retry.
/// </summary>
internal static class PlivoConnector
{
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> WithTimeout(TimeSpan timeout) =>
        async (context, ct) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            connectTimeout.CancelAfter(timeout);
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, connectTimeout.Token);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                socket.Dispose();
                throw new SocketException((int)SocketError.TimedOut);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
}
