namespace Notify.Tests.Infrastructure;

public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Notify.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Notify.sln not found above " + AppContext.BaseDirectory);
    }
}
