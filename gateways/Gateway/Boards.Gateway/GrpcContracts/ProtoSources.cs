using System.Text;

namespace Boards.Gateway.GrpcContracts;

/// <summary>
/// The .proto texts embedded in the gateway at build time (Boards.Gateway.csproj), by the name protoc gives each file:
/// a contract's own files relative to its project ("Protos/referrals.proto"), an import by its import path
/// ("buf/validate/validate.proto", "google/type/date.proto").
/// </summary>
public static class ProtoSources
{
    private const string Prefix = "proto:";
    private const string ContractsPrefix = "contracts/";
    private const string ProjectSuffix = ".Contracts/";

    public static IReadOnlyDictionary<string, string> All { get; } = Load();

    private static Dictionary<string, string> Load()
    {
        var assembly = typeof(ProtoSources).Assembly;
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            texts.Add(FileName(resource), reader.ReadToEnd());
        }

        return texts;
    }

    /// <summary>"proto:contracts/Referrals/Boards.Referrals.Contracts/Protos/referrals.proto" → "Protos/referrals.proto".</summary>
    public static string FileName(string resource)
    {
        var name = resource[Prefix.Length..].Replace('\\', '/');
        if (!name.StartsWith(ContractsPrefix, StringComparison.Ordinal))
        {
            return name;
        }

        var project = name.IndexOf(ProjectSuffix, StringComparison.Ordinal);
        return project < 0 ? name : name[(project + ProjectSuffix.Length)..];
    }
}
