using System.Reflection;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Boards.Gateway.GrpcContracts;

/// <summary>
/// The contracts the gateway was built with: one assembly per services/*/*.Contracts project, each named by a
/// "BoardsContracts" assembly attribute that Boards.Gateway.csproj writes from the same pattern it references them by,
/// and the .proto files protoc compiled into them. A new contracts project or service is found without a change here.
/// </summary>
public static class ContractAssemblies
{
    private const string AssemblyKey = "BoardsContracts";
    private const string VersionKey = "BoardsContractsVersion";

    public static IReadOnlyList<Assembly> All { get; } = Metadata(AssemblyKey)
        .Order(StringComparer.Ordinal)
        .Select(name => Assembly.Load(new AssemblyName(name)))
        .ToList();

    /// <summary>The one version of every contracts package and of the .proto bundle (BoardsContractsVersion).</summary>
    public static string Version { get; } = Metadata(VersionKey).Single();

    /// <summary>Every .proto file compiled into a contracts assembly, by file name.</summary>
    public static IReadOnlyList<FileDescriptor> Files { get; } = All.SelectMany(FilesOf).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();

    /// <summary>Every gRPC service the contracts declare, e.g. boards.referrals.v1.ReferralService.</summary>
    public static IReadOnlyList<ServiceDescriptor> Services { get; } = Files.SelectMany(f => f.Services).ToList();

    /// <summary>The files of one assembly: the Descriptor of each class protoc generates per file ("ReferralsReflection").</summary>
    public static IEnumerable<FileDescriptor> FilesOf(Assembly assembly) =>
        assembly.GetExportedTypes()
            .Where(type => type is { IsAbstract: true, IsSealed: true })
            .Select(type => type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(property => property?.PropertyType == typeof(FileDescriptor))
            .Select(property => (FileDescriptor)property!.GetValue(null)!);

    private static IEnumerable<string> Metadata(string key) =>
        typeof(ContractAssemblies).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Where(attribute => attribute.Key == key && !string.IsNullOrEmpty(attribute.Value))
            .Select(attribute => attribute.Value!);
}
