using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Boards.Gateway.GrpcContracts;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Boards.Gateway.Tests;

/// <summary>
/// /protos/boards-protos.zip: without a token, every .proto the gateway's reflection serves (each contract's files and
/// everything they import) as the repository holds them, plus boards.protoset, the same compiled.
/// </summary>
public sealed class ProtoBundleTests : IDisposable
{
    // A budget these calls never exhaust; AnonymousEndpointsTests tests the limit itself.
    private readonly GatewayHost _host = new(new Dictionary<string, string> { ["Gateway:RateLimit:Burst"] = "1000" });

    public void Dispose() => _host.Dispose();

    private async Task<(HttpResponseMessage Response, ZipArchive Zip)> DownloadAsync()
    {
        var response = await _host.CreateClient().GetAsync(ProtoBundle.Path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync())));
    }

    private static string Text(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name);
        Assert.True(entry is not null, $"The bundle has no {name}.");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task The_bundle_is_a_versioned_zip_download_without_a_token()
    {
        var (response, zip) = await DownloadAsync();
        using (response)
        using (zip)
        {
            Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal($"boards-protos-{ContractAssemblies.Version}.zip", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
            Assert.Matches(@"^\d+\.\d+\.\d+", ContractAssemblies.Version);
        }
    }

    [Fact]
    public async Task The_bundle_holds_every_proto_the_reflection_serves()
    {
        using var reflection = new GatewayReflection(_host);
        var served = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var service in ContractCatalog.ServiceNames)
        {
            served.UnionWith((await reflection.FilesAsync(service)).Select(file => file.Name));
        }

        var (response, zip) = await DownloadAsync();
        using (response)
        using (zip)
        {
            var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            Assert.Contains("buf/validate/validate.proto", served);
            Assert.All(served, file => Assert.Contains(file, entries));
            // Not imported by a contract, but the details every error carries.
            Assert.Contains("google/rpc/error_details.proto", entries);
            Assert.Contains("google/rpc/status.proto", entries);
        }
    }

    [Fact]
    public async Task Each_contract_proto_is_the_repositorys_file_as_it_is()
    {
        var (response, zip) = await DownloadAsync();
        using (response)
        using (zip)
        {
            Assert.NotEmpty(Repository.ContractProtos);
            foreach (var (name, path) in Repository.ContractProtos)
            {
                Assert.Equal(await File.ReadAllTextAsync(path), Text(zip, name));
            }
        }
    }

    [Fact]
    public async Task The_protoset_compiles_every_file_dependencies_first_with_reflection()
    {
        var (response, zip) = await DownloadAsync();
        using (response)
        using (zip)
        {
            using var stream = new MemoryStream();
            await zip.GetEntry(ProtoBundle.DescriptorSetEntry)!.Open().CopyToAsync(stream);
            var set = FileDescriptorSet.Parser.ParseFrom(stream.ToArray());

            // BuildFromByteStrings resolves each file's imports among the ones before it, and throws when one is missing.
            var files = FileDescriptor.BuildFromByteStrings(set.File.Select(file => file.ToByteString()));
            var services = files.SelectMany(file => file.Services).Select(service => service.FullName).ToList();
            Assert.All(ContractCatalog.ServiceNames, service => Assert.Contains(service, services));
            Assert.Contains("grpc.reflection.v1.ServerReflection", services);
            var protos = zip.Entries.Select(e => e.FullName).Where(name => name.EndsWith(".proto", StringComparison.Ordinal));
            Assert.All(protos, proto => Assert.Contains(proto, set.File.Select(file => file.Name)));
        }
    }

    [Fact]
    public async Task The_same_bundle_again_is_304_by_its_etag()
    {
        var (response, zip) = await DownloadAsync();
        zip.Dispose();
        using (response)
        {
            var etag = response.Headers.ETag;
            Assert.NotNull(etag);
            using var again = new HttpRequestMessage(HttpMethod.Get, ProtoBundle.Path);
            again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag));

            using var notModified = await _host.CreateClient().SendAsync(again);

            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        }
    }

    [Fact]
    public void A_contract_whose_text_is_missing_stops_the_build_of_the_bundle_with_its_name()
    {
        var sources = ProtoSources.All.Where(source => source.Key != "Protos/referrals.proto").ToDictionary();

        var error = Assert.Throws<InvalidOperationException>(() => ProtoBundle.Build(ContractAssemblies.Files, sources));

        Assert.Contains("Protos/referrals.proto", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Faltan los textos", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("proto:contracts/Referrals/Boards.Referrals.Contracts/Protos/referrals.proto", "Protos/referrals.proto")]
    [InlineData("proto:contracts/Planning/Boards.Planning.Contracts/Protos/sub/plan.proto", "Protos/sub/plan.proto")]
    [InlineData("proto:buf/validate/validate.proto", "buf/validate/validate.proto")]
    [InlineData("proto:google/protobuf/timestamp.proto", "google/protobuf/timestamp.proto")]
    public void Embedded_texts_are_named_as_protoc_names_the_files(string resource, string fileName)
    {
        Assert.Equal(fileName, ProtoSources.FileName(resource));
    }
}
