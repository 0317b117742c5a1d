using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Notify.Core.Feeds;

namespace Notify.Core.Faces.Subscriptions;

/// <summary>
/// The address a request came from, for rate limiting. <c>X-Forwarded-For</c> is read only when the connection
/// comes from a configured trusted proxy, and then from the right: the first hop that is not a trusted proxy is the
/// client, so a caller cannot pick its own partition by writing the header.
/// </summary>
public sealed class ClientAddress(IOptions<FeedOptions> options)
{
    private readonly IPNetwork[] trusted = options.Value.TrustedProxies.Select(ParseNetwork).ToArray();

    public IPAddress? Of(HttpContext context)
    {
        var client = Normalize(context.Connection.RemoteIpAddress);
        if (client is null || !IsTrusted(client)) return client;
        var hops = context.Request.Headers["X-Forwarded-For"]
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToArray();
        for (var i = hops.Length - 1; i >= 0 && IsTrusted(client); i--)
        {
            if (ParseHop(hops[i]) is not { } hop) break;
            client = hop;
        }
        return client;
    }

    /// <summary>An address (<c>10.0.0.1</c>) or a CIDR range (<c>10.0.0.0/8</c>); throws on anything else.</summary>
    public static IPNetwork ParseNetwork(string value) =>
        value.Contains('/') ? IPNetwork.Parse(value) : new IPNetwork(IPAddress.Parse(value), IPAddress.Parse(value).GetAddressBytes().Length * 8);

    private bool IsTrusted(IPAddress address) => trusted.Any(network => network.Contains(address));

    /// <summary>Proxies write a hop as an address, or with a port (Azure's front ends do: <c>203.0.113.7:51234</c>).</summary>
    private static IPAddress? ParseHop(string hop) =>
        IPAddress.TryParse(hop, out var address) ? Normalize(address)
        : IPEndPoint.TryParse(hop, out var endpoint) ? Normalize(endpoint.Address)
        : null;

    private static IPAddress? Normalize(IPAddress? address) => address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
}
