using System.Text.RegularExpressions;

namespace Boards.EndToEnd.Tests;

/// <summary>Every gRPC service the repository's contracts declare ("package" and "service" lines of their .proto files).</summary>
public static partial class ContractProtos
{
    public static IReadOnlyList<string> Services { get; } = Directory
        .GetFiles(Path.Combine(Repository.Root, "services"), "*.proto", SearchOption.AllDirectories)
        .Where(path => path.Contains(".Contracts" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .SelectMany(path =>
        {
            var text = File.ReadAllText(path);
            var package = PackageLine().Match(text).Groups[1].Value;
            return ServiceLine().Matches(text).Select(m => $"{package}.{m.Groups[1].Value}");
        })
        .Order(StringComparer.Ordinal)
        .ToList();

    [GeneratedRegex(@"^\s*package\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex PackageLine();

    [GeneratedRegex(@"^\s*service\s+(\w+)\s*\{", RegexOptions.Multiline)]
    private static partial Regex ServiceLine();
}
