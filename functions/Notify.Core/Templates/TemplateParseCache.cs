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

        var parsed = _entries.GetOrAdd((template.Id, template.Version, locale, field), _ =>
            Parser.TryParse(source, out var fluid, out var error)
                ? new Parsed(new BoundedRanges().VisitTemplate(fluid), null)
                : new Parsed(null, error));
        return parsed.Template ?? throw new TemplateException($"{field} does not parse: {parsed.Error}");
    }

    private sealed record Parsed(IFluidTemplate? Template, string? Error);
}
