using System.Reflection;
using System.Text.RegularExpressions;
using Google.Protobuf.Reflection;

namespace Boards.Gateway.Tests;

/// <summary>
/// What the tests expect the gateway to offer, found without the gateway's code: every gRPC service of every contracts
/// project in the repository, from the descriptors protoc generated into its assembly (each service's static
/// Descriptor) and, as a second witness, from the "service" lines of its .proto files.
/// </summary>
public static partial class ContractCatalog
{
    public static IReadOnlyList<Assembly> Assemblies { get; } = Repository.ContractsProjects
        .Select(project => Assembly.Load(new AssemblyName(Path.GetFileNameWithoutExtension(project))))
        .ToList();

    public static IReadOnlyList<ServiceDescriptor> Services { get; } = Assemblies
        .SelectMany(assembly => assembly.GetExportedTypes())
        .Select(type => type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
        .Where(property => property?.PropertyType == typeof(ServiceDescriptor))
        .Select(property => (ServiceDescriptor)property!.GetValue(null)!)
        .OrderBy(service => service.FullName, StringComparer.Ordinal)
        .ToList();

    public static IReadOnlyList<string> ServiceNames { get; } = Services.Select(s => s.FullName).ToList();

    /// <summary>"package boards.referrals.v1;" and "service ReferralService {" in each contract's .proto files.</summary>
    public static IReadOnlyList<string> ServicesInProtoFiles { get; } = Repository.ContractProtos.Values
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
