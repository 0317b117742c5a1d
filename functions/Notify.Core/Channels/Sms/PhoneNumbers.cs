using System.Text.RegularExpressions;

namespace Notify.Core.Channels.Sms;

public static partial class PhoneNumbers
{
    /// <summary>E.164: a plus, a country code that does not start with 0, at most 15 digits in all.</summary>
    public static bool IsE164(string? number) => number is not null && E164().IsMatch(number);

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();
}
