namespace Notify.Core.Storage;

public static partial class TableKeys
{
    /// <summary>Keys of the <c>ratelimits</c> and <c>waiting</c> tables beyond <see cref="AppChannel"/> and <see cref="TableKeys.Waiting(DateTimeOffset, string, string)"/>.</summary>
    public static class RateLimits
    {
        /// <summary>The (app, channel) budget's one row.</summary>
        public const string Budget = "budget";

        /// <summary>The waiting table's index partition: one row per (app, channel) with waiting deliveries, keyed <see cref="AppChannel"/>.</summary>
        public const string WaitingIndex = "index";
    }
}
