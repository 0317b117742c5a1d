using Notify.Tests.Infrastructure;

namespace Notify.Tests.Status;

/// <summary>
/// The self-host with small pages (five recipients a chunk and a topic page), so a handful of receivers already
/// spans several pages of fan-out and deletion, and with loopback webhooks allowed for answer events.
/// </summary>
public sealed class StatusServer : NotifyServer
{
    protected override IEnumerable<string> Settings =>
    [
        "--Notify:RecipientsPerChunk=5",
        "--Notify:Webhooks:AllowPrivateNetworks=true",
    ];
}
