using System.Text.Json;

namespace Notify.Core.Sends;

/// <summary>A send's validated email overrides: sender, reply-to, cc and bcc addresses over the configured ones.</summary>
public sealed record EmailOverride(string? From, string? FromName, IReadOnlyList<string> ReplyTo, IReadOnlyList<string> Cc, IReadOnlyList<string> Bcc)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static EmailOverride? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<EmailOverride>(json, Json);
}
