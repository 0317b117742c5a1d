using System.Net;
using System.Net.Sockets;

namespace Notify.Core.Channels.Webhooks;

/// <summary>The webhook URL resolves only to addresses the guard does not allow.</summary>
internal sealed class WebhookDestinationBlockedException(string host)
    : IOException($"Webhook host '{host}' resolves only to private, loopback or link-local addresses.");

/// <summary>
/// A connect callback that checks the addresses a host resolves to at connect time (not only at save time),
/// so DNS rebinding cannot point an approved name at an internal address later. Behind an HTTP proxy the callback
/// sees the proxy, not the target: there the proxy must enforce egress rules.
/// </summary>
internal static class WebhookDestinationGuard
{
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivate, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = (await Dns.GetHostAddressesAsync(host, ct)).Where(address => allowPrivate || IsPublic(address)).ToArray();
        if (addresses.Length == 0)
        {
            throw new WebhookDestinationBlockedException(host);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    internal static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var first = address.GetAddressBytes()[0];
            // fc00::/7 unique local; link-local, site-local and multicast have their own flags.
            return (first & 0xFE) != 0xFC && !address.IsIPv6LinkLocal && !address.IsIPv6SiteLocal && !address.IsIPv6Multicast;
        }

        var b = address.GetAddressBytes();
        return !(b[0] is 0 or 10 or >= 224
            || (b[0] == 100 && b[1] is >= 64 and <= 127)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168));
    }
}
