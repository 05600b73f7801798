namespace Boards.Gateway.Tests;

/// <summary>The clone the tests run from (the folder with Boards.sln): its contracts' .proto files.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    /// <summary>Every contracts project: services/&lt;Context&gt;/Boards.&lt;Context&gt;.Contracts/*.csproj.</summary>
    public static IReadOnlyList<string> ContractsProjects { get; } =
        Directory.GetFiles(Path.Combine(Root, "services"), "*.Contracts.csproj", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Each contract's .proto files, by the name protoc gives them (relative to the project: "Protos/referrals.proto").</summary>
    public static IReadOnlyDictionary<string, string> ContractProtos { get; } = ContractsProjects
        .SelectMany(project => Directory.GetFiles(Path.GetDirectoryName(project)!, "*.proto", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => (Name: Path.GetRelativePath(Path.GetDirectoryName(project)!, path).Replace('\\', '/'), Path: path)))
        .ToDictionary(file => file.Name, file => file.Path, StringComparer.Ordinal);

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
