using Notify.Core.Storage;

namespace Notify.Core.Categories;

/// <summary>A notification category, in the app's small category partition. Sends name it by identifier; preferences by id.</summary>
public sealed class CategoryRow : TableRow
{
    public int Id { get; set; }
    public string Identifier { get; set; } = "";
    public string Name { get; set; } = "";
}

/// <summary>Reserves an identifier within the app: added in the same transaction as its category.</summary>
public sealed class CategoryIdentifierRow : TableRow
{
    public int Id { get; set; }
}

public sealed record Category(int Id, string Name, string Identifier)
{
    public static Category From(CategoryRow row) => new(row.Id, row.Name, row.Identifier);
}
