using System.IO.Compression;
using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.Net.Http.Headers;

namespace Boards.Gateway.GrpcContracts;

/// <summary>
/// Every .proto a client needs to call the gateway's gRPC services, as one zip at a stable address: each contract's
/// files, the files they import (protovalidate, google/type, google/protobuf) and google/rpc's error details, by the
/// names they import each other by, so that `protoc -I <folder>` compiles them as they are. Plus boards.protoset, the
/// same files compiled (a FileDescriptorSet, dependencies first) together with gRPC reflection's, for tools that take
/// descriptors (grpcurl -protoset, @grpc/proto-loader). Built once at start from the texts embedded at build time.
/// </summary>
public sealed class ProtoBundle
{
    public const string Path = "/protos/boards-protos.zip";
    public const string DescriptorSetEntry = "boards.protoset";

    // Zip entries carry a date; a fixed one keeps the bundle byte-for-byte the same for the same contracts.
    private static readonly DateTimeOffset EntryDate = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Not imported by any contract, but every error's details are these (google.rpc.BadRequest, …).</summary>
    private static readonly FileDescriptor[] ErrorDetails =
        [Google.Rpc.StatusReflection.Descriptor, Google.Rpc.ErrorDetailsReflection.Descriptor, Google.Rpc.CodeReflection.Descriptor];

    private ProtoBundle(byte[] zip, IReadOnlyList<string> protoFiles)
    {
        Zip = zip;
        ProtoFiles = protoFiles;
        ETag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(zip))[..32]}\"");
    }

    public byte[] Zip { get; }

    /// <summary>The .proto entries, e.g. "Protos/referrals.proto", "buf/validate/validate.proto".</summary>
    public IReadOnlyList<string> ProtoFiles { get; }

    public EntityTagHeaderValue ETag { get; }

    public string DownloadName => $"boards-protos-{ContractAssemblies.Version}.zip";

    public static ProtoBundle Build() => Build(ContractAssemblies.Files, ProtoSources.All);

    public static ProtoBundle Build(IReadOnlyList<FileDescriptor> contracts, IReadOnlyDictionary<string, string> sources)
    {
        var protoFiles = WithDependencies([.. contracts, .. ErrorDetails]);
        var missing = protoFiles.Where(file => !sources.ContainsKey(file.Name)).Select(file => file.Name).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Faltan los textos de {string.Join(", ", missing)} para el paquete de .proto; inclúyalos en Boards.Gateway.csproj.");
        }

        var reflection = new[] { Grpc.Reflection.V1.ReflectionReflection.Descriptor, Grpc.Reflection.V1Alpha.ReflectionReflection.Descriptor };
        var descriptorSet = new FileDescriptorSet();
        descriptorSet.File.AddRange(WithDependencies([.. protoFiles, .. reflection]).Select(f => FileDescriptorProto.Parser.ParseFrom(f.SerializedData)));

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in protoFiles.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                Add(zip, file.Name, System.Text.Encoding.UTF8.GetBytes(sources[file.Name]));
            }

            Add(zip, DescriptorSetEntry, descriptorSet.ToByteArray());
        }

        return new ProtoBundle(buffer.ToArray(), protoFiles.Select(f => f.Name).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>The files and everything they import, each after its imports (the order protoc writes a descriptor set in).</summary>
    public static IReadOnlyList<FileDescriptor> WithDependencies(IEnumerable<FileDescriptor> files)
    {
        var ordered = new List<FileDescriptor>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            Visit(file);
        }

        return ordered;

        void Visit(FileDescriptor file)
        {
            if (!seen.Add(file.Name))
            {
                return;
            }

            foreach (var dependency in file.Dependencies)
            {
                Visit(dependency);
            }

            ordered.Add(file);
        }
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryDate;
        using var stream = entry.Open();
        stream.Write(content);
    }
}
