using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Reflection.V1;

namespace Boards.Samples.GrpcClient;

/// <summary>gRPC server reflection (v1) on one stream: list the services, then ask for the file that declares each.</summary>
public static class ReflectionListing
{
    public static async IAsyncEnumerable<ListedService> ServicesAsync(GrpcChannel channel)
    {
        var client = new ServerReflection.ServerReflectionClient(channel);
        using var call = client.ServerReflectionInfo(deadline: DateTime.UtcNow.AddSeconds(30));

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        var names = await NextAsync(call);
        foreach (var name in names.ListServicesResponse.Service.Select(s => s.Name).Order(StringComparer.Ordinal))
        {
            await call.RequestStream.WriteAsync(new ServerReflectionRequest { FileContainingSymbol = name });
            var files = (await NextAsync(call)).FileDescriptorResponse.FileDescriptorProto
                .Select(bytes => FileDescriptorProto.Parser.ParseFrom(bytes));
            var methods = files
                .SelectMany(file => file.Service.Where(s => $"{file.Package}.{s.Name}" == name))
                .SelectMany(service => service.Method.Select(method => method.Name))
                .ToList();
            yield return new ListedService(name, methods);
        }

        await call.RequestStream.CompleteAsync();
    }

    private static async Task<ServerReflectionResponse> NextAsync(AsyncDuplexStreamingCall<ServerReflectionRequest, ServerReflectionResponse> call)
    {
        if (!await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            throw new InvalidOperationException("El servicio de reflexión cerró la conversación sin responder.");
        }

        var response = call.ResponseStream.Current;
        return response.ErrorResponse is { } error
            ? throw new InvalidOperationException($"Reflexión: {error.ErrorMessage} ({error.ErrorCode})")
            : response;
    }
}
