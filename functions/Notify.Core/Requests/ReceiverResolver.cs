using System.Net.Mail;
using System.Text.Json.Nodes;
using Notify.Core.Sends;
using Notify.Core.Users;

namespace Notify.Core.Requests;

/// <summary>
/// Turns receivers as a request names them into users. An e-mail address is the user whose profile holds
/// it (through the e-mail index), else a user of that identifier, else a new user named by the address
/// with it as their e-mail. Anything else is a user identifier, created on delivery as sends do.
/// </summary>
public sealed class ReceiverResolver(UserStore users, EmailIndex emails)
{
    private const int Parallelism = 16;

    public async Task<IReadOnlyList<Recipient>> ResolveAsync(string appId, IReadOnlyList<string> receivers, CancellationToken ct)
    {
        var resolved = new string[receivers.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, receivers.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (i, token) => resolved[i] = IsEmail(receivers[i]) ? await ByEmailAsync(appId, receivers[i], token) : receivers[i]);
        return resolved.Distinct(StringComparer.Ordinal).Select(id => new Recipient(id, null)).ToList();
    }

    public static bool IsEmail(string receiver) =>
        MailAddress.TryCreate(receiver, out var address) && address.Address == receiver && address.DisplayName.Length == 0;

    private async Task<string> ByEmailAsync(string appId, string email, CancellationToken ct)
    {
        if (await emails.FindAsync(users, appId, email, ct) is { } owner) return owner.Identifier;
        if (await users.GetAsync(appId, email, ct) is { } named) return named.Identifier;
        return (await users.UpsertAsync(appId, email, new JsonObject { ["email"] = email }, ct)).Identifier;
    }
}
