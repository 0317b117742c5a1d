namespace Notify.Core.Templates;

internal static class TemplateLocales
{
    /// <summary>
    /// The locale to render among those that have content for <paramref name="channel"/>: the exact locale
    /// (<c>pt-BR</c>), then its language (<c>pt</c>), then the template's default, then the first in ordinal order
    /// (ordinal so that the pick does not depend on dictionary order).
    /// </summary>
    public static string? Pick(Template template, TemplateChannel channel, string? userLocale)
    {
        var candidates = template.Locales.Where(pair => pair.Value.Has(channel)).Select(pair => pair.Key).ToList();
        var wanted = userLocale?.Trim().Replace('_', '-') ?? "";
        var language = wanted.Split('-')[0];
        return Find(candidates, wanted)
            ?? Find(candidates, language)
            ?? Find(candidates, template.DefaultLocale)
            ?? candidates.Order(StringComparer.Ordinal).FirstOrDefault();
    }

    private static string? Find(List<string> candidates, string locale) => locale.Length == 0
        ? null
        : candidates.FirstOrDefault(candidate => string.Equals(candidate, locale, StringComparison.OrdinalIgnoreCase));
}
