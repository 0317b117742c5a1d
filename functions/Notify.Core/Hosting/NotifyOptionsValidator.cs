using Microsoft.Extensions.Options;
using Notify.Core.Apps;

namespace Notify.Core.Hosting;

/// <summary>The <c>Notify</c> section, checked at start: limits that are zero or huge would refuse every call or let one exhaust the host.</summary>
public sealed class NotifyOptionsValidator : IValidateOptions<NotifyOptions>
{
    public ValidateOptionsResult Validate(string? name, NotifyOptions options)
    {
        var failures = new List<string>();
        void Check(bool holds, string message)
        {
            if (!holds) failures.Add($"{NotifyOptions.Section}:{message}");
        }
        Check(options.RecipientsPerChunk is > 0 and <= 1_000, "RecipientsPerChunk must be between 1 and 1000");
        Check(options.DeliveryParallelism is > 0 and <= 256, "DeliveryParallelism must be between 1 and 256");
        Check(options.MaxRecipientsPerSend is > 0 and <= 1_000_000, "MaxRecipientsPerSend must be between 1 and 1000000");
        Check(options.MaxRequestBodyBytes is >= 1_024 and <= 64 * 1024 * 1024, "MaxRequestBodyBytes must be between 1024 and 67108864");
        Check(options.StoragePrefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)), "StoragePrefix may hold lowercase letters and digits only");
        Check(string.IsNullOrEmpty(options.DevelopmentAppId) || Secrets.IsWellFormedId(options.DevelopmentAppId),
            "DevelopmentAppId may hold letters, digits, - and _ only");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
