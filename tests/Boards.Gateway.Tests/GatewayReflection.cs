using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Reflection.V1;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Boards.Gateway.Tests;

/// <summary>A reflection client (v1) for a gateway hosted in-process: gRPC over the TestServer.</summary>
public sealed class GatewayReflection(WebApplicationFactory<Program> host) : IDisposable
{
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(host.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = host.Server.CreateHandler() });

    public GrpcChannel Channel => _channel;

    public async Task<IReadOnlyList<string>> ListAsync()
    {
        var response = await AskAsync(new ServerReflectionRequest { ListServices = "" });
        return response.ListServicesResponse.Service.Select(s => s.Name).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The file that declares <paramref name="symbol"/> and the files it imports, as the gateway sends them.</summary>
    public async Task<IReadOnlyList<FileDescriptorProto>> FilesAsync(string symbol)
    {
        var response = await AskAsync(new ServerReflectionRequest { FileContainingSymbol = symbol });
        Assert.True(response.ErrorResponse is null, $"{symbol}: {response.ErrorResponse?.ErrorMessage}");
        return response.FileDescriptorResponse.FileDescriptorProto.Select(bytes => FileDescriptorProto.Parser.ParseFrom(bytes)).ToList();
    }

    private async Task<ServerReflectionResponse> AskAsync(ServerReflectionRequest request)
    {
        using var call = new ServerReflection.ServerReflectionClient(_channel).ServerReflectionInfo(deadline: DateTime.UtcNow.AddSeconds(10));
        await call.RequestStream.WriteAsync(request);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None), "Reflection sent no answer.");
        return call.ResponseStream.Current;
    }

    public void Dispose() => _channel.Dispose();
}
