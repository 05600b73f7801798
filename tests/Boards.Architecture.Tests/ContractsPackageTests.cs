using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;

namespace Boards.Architecture.Tests;

/// <summary>
/// Every services/*/*.Contracts project is a NuGet package (eng/Contracts.props): `dotnet pack` of each, read back,
/// carries the one version (BoardsContractsVersion), the licence, a Spanish and English description, the repository,
/// the readme and the assembly, and depends on what its generated code needs but never on the build-only Grpc.Tools.
/// </summary>
public sealed class ContractsPackageTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
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

    private static IReadOnlyList<string> ContractsProjects() =>
        Directory.GetFiles(Path.Combine(Root, "services"), "*.Contracts.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

    private static string Version() =>
        XDocument.Load(Path.Combine(Root, "Directory.Build.props")).Descendants("BoardsContractsVersion").Single().Value;

    [Fact]
    public async Task Every_contracts_project_packs_with_the_one_version_and_its_metadata()
    {
        var projects = ContractsProjects();
        Assert.Contains(projects, p => p.EndsWith("Boards.Referrals.Contracts.csproj", StringComparison.Ordinal));
        var output = Directory.CreateTempSubdirectory("boards-packages-");
        try
        {
            // The configuration this test was built in, so that --no-build packs what that build compiled.
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            foreach (var project in projects)
            {
                await PackAsync(project, configuration, output.FullName);
            }

            var version = Version();
            foreach (var project in projects)
            {
                var id = Path.GetFileNameWithoutExtension(project);
                var package = Path.Combine(output.FullName, $"{id}.{version}.nupkg");
                Assert.True(File.Exists(package), $"No {id} {version} package in {string.Join(", ", Directory.GetFiles(output.FullName).Select(Path.GetFileName))}.");
                AssertPackage(package, id, version, grpc: Directory.Exists(Path.Combine(Path.GetDirectoryName(project)!, "Protos")));
            }
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    private static void AssertPackage(string package, string id, string version, bool grpc)
    {
        using var zip = ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains($"lib/net10.0/{id}.dll", entries);
        Assert.Contains("README.md", entries);

        using var nuspecStream = zip.GetEntry($"{id}.nuspec")!.Open();
        var metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Field(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value ?? "";

        Assert.Equal(id, Field("id"));
        Assert.Equal(version, Field("version"));
        Assert.Equal("MIT", Field("license"));
        Assert.Equal("README.md", Field("readme"));
        var description = Field("description").Split(" | ");
        Assert.True(description.Length == 2 && description.All(d => d.Length > 20), $"{id}: the description is not Spanish | English: {Field("description")}");
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.StartsWith("https://", repository.Attribute("url")?.Value, StringComparison.Ordinal);

        var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => e.Attribute("id")!.Value).ToList();
        Assert.DoesNotContain("Grpc.Tools", dependencies);
        if (grpc)
        {
            Assert.Contains("Google.Protobuf", dependencies);
            Assert.Contains("Grpc.Net.Client", dependencies);
        }
    }

    private static async Task PackAsync(string project, string configuration, string output)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        foreach (var argument in new[] { "pack", project, "--no-build", "--no-restore", "-c", configuration, "-o", output, "-nologo", "-v", "q" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var standardOutput = process.StandardOutput.ReadToEndAsync(limit.Token);
        var standardError = await process.StandardError.ReadToEndAsync(limit.Token);
        await process.WaitForExitAsync(limit.Token);
        Assert.True(process.ExitCode == 0, $"dotnet pack {project}: exit {process.ExitCode}\n{await standardOutput}\n{standardError}");
    }
}
