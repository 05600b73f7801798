namespace Boards.EndToEnd.Tests;

/// <summary>The clone the tests run from (the folder with Boards.sln): its scripts and sources.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Boards.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No se encontró Boards.sln por encima de {AppContext.BaseDirectory}.");
    }
}
