using System.Collections.Concurrent;
using Fluid;

namespace Notify.Core.Templates;

/// <summary>An error in a tenant's template, reported as a render error result.</summary>
internal sealed class TemplateException(string message) : Exception(message);

/// <summary>Parsed Liquid per (template id, version, locale, field); parse failures are cached too.</summary>
internal sealed class TemplateParseCache
{
    // Ids and versions come from storage, so the key space is open-ended; a crude reset keeps memory bounded
    // and costs only re-parsing.
    private const int MaxEntries = 10_000;
    private static readonly FluidParser Parser = new();
    private readonly ConcurrentDictionary<(string Id, string Version, string Locale, string Field), Parsed> _entries = new();

    public IFluidTemplate Get(Template template, string locale, string field, string source)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        var key = (template.Id, template.Version, locale, field);
        var parsed = _entries.GetOrAdd(key, _ => Parse(source));
        // Template ids are only unique within an app and a version may be reused by mistake: an entry is used
        // only for the exact source it was parsed from, so one tenant can never render another tenant's text.
        if (!string.Equals(parsed.Source, source, StringComparison.Ordinal))
        {
            parsed = _entries[key] = Parse(source);
        }

        return parsed.Template ?? throw new TemplateException($"{field} does not parse: {parsed.Error}");
    }

    private static Parsed Parse(string source) => Parser.TryParse(source, out var fluid, out var error)
        ? new Parsed(source, new BoundedRanges().VisitTemplate(fluid), null)
        : new Parsed(source, null, error);

    private sealed record Parsed(string Source, IFluidTemplate? Template, string? Error);
}
