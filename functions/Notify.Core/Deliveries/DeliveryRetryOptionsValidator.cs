using Microsoft.Extensions.Options;

namespace Notify.Core.Deliveries;

/// <summary>Retry settings are zero (the channel's own schedule) or sensible: no negative delays, a cap not under the first delay.</summary>
public sealed class DeliveryRetryOptionsValidator : IValidateOptions<DeliveryRetryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryRetryOptions options)
    {
        var failures = new List<string>();
        if (options.InitialDelaySeconds < 0) failures.Add($"{DeliveryRetryOptions.Section}:InitialDelaySeconds must not be negative");
        if (options.MaxDelaySeconds < 0) failures.Add($"{DeliveryRetryOptions.Section}:MaxDelaySeconds must not be negative");
        if (options.InitialDelaySeconds > 0 && options.MaxDelaySeconds > 0 && options.MaxDelaySeconds < options.InitialDelaySeconds)
            failures.Add($"{DeliveryRetryOptions.Section}:MaxDelaySeconds must not be less than InitialDelaySeconds");
        if (options.MaxAttempts is < 0 or > 100) failures.Add($"{DeliveryRetryOptions.Section}:MaxAttempts must be between 0 (the channel's own) and 100");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
