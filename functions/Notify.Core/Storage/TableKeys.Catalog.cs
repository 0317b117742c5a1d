namespace Notify.Core.Storage;

public static partial class TableKeys
{
    /// <summary>Row keys of the <c>catalog</c> table: an app's categories and topic definitions (partitions <see cref="Categories"/>, <see cref="Topics"/>).</summary>
    public static class Catalog
    {
        public static string Category(int id) => $"{CategoryPrefix}{id:D10}";

        public const string CategoryPrefix = "c|";
        public const string CategoryEnd = "c}";

        public static string Topic(int id) => $"t|{id:D10}";

        /// <summary>Reserves an identifier (of a category, or a topic) in its partition: added in the same transaction as what it names.</summary>
        public static string Identifier(string identifier) => $"k|{Encode(identifier)}";

        /// <summary>The last id handed out in the partition (<see cref="SequencedInsert"/>).</summary>
        public const string Sequence = "seq";
    }
}
