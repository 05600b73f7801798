using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Net.Client;

namespace Boards.EndToEnd.Tests;

/// <summary>
/// Every gRPC method a running service offers, read from its own reflection service (spoken as raw protobuf, so the
/// tests need no reflection client package). Infrastructure services (reflection, health) are left out.
/// </summary>
public static class GrpcCatalog
{
    private const string Reflection = "grpc.reflection.v1alpha.ServerReflection";

    public static async Task<IReadOnlyList<GrpcMethod>> MethodsAsync(int port)
    {
        using var channel = GrpcChannel.ForAddress($"http://localhost:{port}");
        var invoker = channel.CreateCallInvoker();
        var services = await ListAsync(invoker);

        var methods = new List<GrpcMethod>();
        foreach (var service in services.Where(s => !s.StartsWith("grpc.", StringComparison.Ordinal)))
        {
            // The answer holds the service's file and the files it imports, so every request type can be described.
            var files = (await AskAsync(invoker, 4, service))
                .SelectMany(response => Repeated(Field(response, 4)!, 1))
                .Select(bytes => ProtoTypes.Parser.ParseFrom(bytes))
                .ToList();
            var types = new ProtoTypes();
            files.ForEach(types.Add);
            foreach (var file in files)
            {
                foreach (var described in file.Service.Where(s => $"{file.Package}.{s.Name}" == service))
                {
                    methods.AddRange(described.Method.Select(m => new GrpcMethod(service, m.Name, TypeOf(m), m.InputType.TrimStart('.'))
                    {
                        MunicipalityField = MunicipalityField(file, m.InputType),
                        Types = types,
                    }));
                }
            }
        }

        return methods;
    }

    /// <summary>
    /// The files a service's reflection sends for its own services (not reflection's or health's, nor the benchmark's
    /// echo), with every file they import: what a client of that service needs.
    /// </summary>
    public static async Task<IReadOnlySet<string>> FilesAsync(int port)
    {
        using var channel = GrpcChannel.ForAddress($"http://localhost:{port}");
        var invoker = channel.CreateCallInvoker();
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var service in (await ListAsync(invoker)).Where(s => !s.StartsWith("grpc.", StringComparison.Ordinal) && !s.StartsWith("boards.bench.", StringComparison.Ordinal)))
        {
            files.UnionWith((await AskAsync(invoker, 4, service))
                .SelectMany(response => Repeated(Field(response, 4)!, 1))
                .Select(bytes => ProtoTypes.Parser.ParseFrom(bytes).Name));
        }

        return files;
    }

    private static async Task<List<string>> ListAsync(CallInvoker invoker)
    {
        var services = new List<string>();
        foreach (var response in await AskAsync(invoker, 7, ""))
        {
            var list = Field(response, 6);
            foreach (var service in Repeated(list!, 1))
            {
                services.Add(Field(service, 1)!.ToStringUtf8());
            }
        }

        return services;
    }

    /// <summary>The number of the request's municipality code field, when it has one (for own/other municipality calls).</summary>
    private static int? MunicipalityField(FileDescriptorProto file, string inputType)
    {
        var message = file.MessageType.FirstOrDefault(m => $".{file.Package}.{m.Name}" == inputType);
        var fields = message?.Field.Where(f => f.Type == FieldDescriptorProto.Types.Type.String).ToList() ?? [];
        return (fields.FirstOrDefault(f => f.Name == "municipality_code") ?? fields.FirstOrDefault(f => f.Name == "code")
                ?? fields.FirstOrDefault(f => f.Name == "municipality"))?.Number;
    }

    private static MethodType TypeOf(MethodDescriptorProto method) => (method.ClientStreaming, method.ServerStreaming) switch
    {
        (false, false) => MethodType.Unary,
        (false, true) => MethodType.ServerStreaming,
        (true, false) => MethodType.ClientStreaming,
        _ => MethodType.DuplexStreaming,
    };

    private static async Task<List<ByteString>> AskAsync(CallInvoker invoker, int field, string value)
    {
        var request = new MemoryStream();
        var output = new CodedOutputStream(request);
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteString(value);
        output.Flush();

        var method = RawGrpc.Method(MethodType.DuplexStreaming, Reflection, "ServerReflectionInfo");
        using var call = invoker.AsyncDuplexStreamingCall(method, null, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(20)));
        await call.RequestStream.WriteAsync(request.ToArray());
        await call.RequestStream.CompleteAsync();
        var responses = new List<ByteString>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            responses.Add(ByteString.CopyFrom(call.ResponseStream.Current));
        }

        return responses;
    }

    /// <summary>The last length-delimited value of a field in a message (null when absent).</summary>
    private static ByteString? Field(ByteString message, int number) => Repeated(message, number).LastOrDefault();

    private static List<ByteString> Repeated(ByteString message, int number)
    {
        var values = new List<ByteString>();
        var input = message.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == number && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                values.Add(input.ReadBytes());
            }
            else
            {
                input.SkipLastField();
            }
        }

        return values;
    }
}
