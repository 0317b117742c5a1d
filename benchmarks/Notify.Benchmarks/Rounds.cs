namespace Notify.Benchmarks;

/// <summary>
/// A part of the run measured against its raw baseline in alternating rounds on tables that fill as they go (accepting
/// alone; the fan-out parts give every round fresh tables instead, see <see cref="FanOutRun"/>): raw, service, raw, …,
/// service, raw, with the first and last raw rounds half the size of the others, so both meet the tables at the same
/// mean fullness.
/// </summary>
public static class Rounds
{
    /// <param name="raw">One raw round, given the units of work it does (<paramref name="rawUnits"/> in all).</param>
    /// <param name="service">One round of the service's work.</param>
    public static async Task<(IReadOnlyList<TRaw> Raw, IReadOnlyList<TService> Service)> AlternateAsync<TRaw, TService>(
        int serviceRounds, int rawUnits, Func<int, Task<TRaw>> raw, Func<Task<TService>> service)
    {
        var inner = rawUnits / serviceRounds;
        var raws = new List<TRaw>();
        var services = new List<TService>();
        for (var round = 0; round <= serviceRounds; round++)
        {
            raws.Add(await raw(round == 0 || round == serviceRounds ? inner / 2 : inner));
            if (round < serviceRounds)
                services.Add(await service());
        }
        return (raws, services);
    }
}

/// <summary>Units of work done in a time, with the latency of each where it has one.</summary>
public sealed record Timed(int Units, TimeSpan Elapsed, IReadOnlyCollection<double> LatenciesMs)
{
    public Timed(int units, TimeSpan elapsed) : this(units, elapsed, []) { }

    public double PerSecond => Units / Elapsed.TotalSeconds;

    /// <summary>Rounds taken together: all their units over all their time.</summary>
    public static Timed Sum(IEnumerable<Timed> rounds) =>
        rounds.Aggregate(new Timed(0, TimeSpan.Zero), (sum, round) => new Timed(sum.Units + round.Units, sum.Elapsed + round.Elapsed, [.. sum.LatenciesMs, .. round.LatenciesMs]));
}
