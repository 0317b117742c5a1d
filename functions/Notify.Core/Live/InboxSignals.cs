using System.Collections.Concurrent;
using Notify.Core.Inbox;

namespace Notify.Core.Live;

/// <summary>
/// The watches of this process, by user, and the inbox writer's listener: a write reaches the user's
/// <see cref="InboxWatch"/> here, if any, and wakes its refresh. A user nobody watches here costs one lookup.
/// </summary>
public sealed class InboxSignals : IInboxListener
{
    private readonly ConcurrentDictionary<(string App, string User), InboxWatch> watches = new();

    public IEnumerable<InboxWatch> All => watches.Values;

    public InboxWatch GetOrAdd(string appId, string userId, Func<InboxWatch> create) =>
        watches.GetOrAdd((appId, userId), _ => create());

    public void Remove(InboxWatch watch) =>
        watches.TryRemove(new KeyValuePair<(string, string), InboxWatch>((watch.AppId, watch.UserId), watch));

    public void Written(InboxWritten written)
    {
        if (watches.TryGetValue((written.AppId, written.UserId), out var watch)) watch.Written(written);
    }
}
