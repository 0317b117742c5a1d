namespace Notify.Core.Live;

/// <summary>Settings of the live inbox stream, bound from <c>Notify:Live</c>.</summary>
public sealed class LiveOptions
{
    public const string Section = "Notify:Live";

    /// <summary>
    /// How often a process reads the inbox version of a user who has a stream open there (once for all of that user's
    /// streams in the process); writes made by this process are seen at once, others' within this delay.
    /// </summary>
    public double CheckSeconds { get; set; } = 3;

    /// <summary>How long one stream stays open; below the Functions front end's 230 s, so the client, not the platform, ends it.</summary>
    public int StreamSeconds { get; set; } = 200;

    /// <summary>How long a stream ticket can be redeemed (once).</summary>
    public int TicketSeconds { get; set; } = 60;

    /// <summary>Unredeemed tickets a user may hold at once; more is refused until some expire or are used.</summary>
    public int TicketsPerUser { get; set; } = 10;

    /// <summary>Streams one user may hold open in one process (tabs, devices); more are refused with 429.</summary>
    public int StreamsPerUser { get; set; } = 10;

    /// <summary>Streams one process holds open at most; more are refused with 503, and the component falls back to polling.</summary>
    public int MaxStreams { get; set; } = 5_000;

    /// <summary>How long a user's watch outlives their last stream, so a reconnect resumes from its Last-Event-ID.</summary>
    public int ResumeSeconds { get; set; } = 120;
}
