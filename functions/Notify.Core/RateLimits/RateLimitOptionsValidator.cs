using Microsoft.Extensions.Options;

namespace Notify.Core.RateLimits;

/// <summary>A window or a channel rate of zero would park that channel's deliveries for good: refused at start.</summary>
public sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var failures = new List<string>();
        if (options.WindowSeconds is < 1 or > 86_400) failures.Add($"{RateLimitOptions.Section}:WindowSeconds must be between 1 and 86400");
        foreach (var (channel, limit) in options.Channels)
            if (limit.PerMinute < 1) failures.Add($"{RateLimitOptions.Section}:{channel}:PerMinute must be a positive number of deliveries");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
