namespace Notify.Core.Faces.Kit;

public static class RouteValue
{
    /// <summary>
    /// ASP.NET Core decodes every escape in a route value except <c>%2F</c>, so that a slash cannot change
    /// which route matched. Identifiers may hold slashes, so the value is finished here.
    /// </summary>
    public static string Decode(string value) =>
        value.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
}
