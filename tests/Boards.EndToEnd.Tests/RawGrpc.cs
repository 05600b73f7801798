namespace Boards.EndToEnd.Tests;

/// <summary>gRPC calls with the message as raw bytes: any method by name, with any bytes, valid protobuf or not.</summary>
public static class RawGrpc
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(bytes => bytes, bytes => bytes);

    public static Method<byte[], byte[]> Method(MethodType type, string service, string name) => new(type, service, name, Bytes, Bytes);

    /// <summary>Calls a method with one request message and returns the status (OK when it answered).</summary>
    public static async Task<Status> CallAsync(CallInvoker invoker, GrpcMethod method, byte[] request, Metadata headers, TimeSpan timeout)
    {
        var options = new CallOptions(headers, DateTime.UtcNow.Add(timeout));
        try
        {
            switch (method.Type)
            {
                case MethodType.Unary:
                    await invoker.AsyncUnaryCall(Method(MethodType.Unary, method.Service, method.Name), null, options, request);
                    break;
                case MethodType.ServerStreaming:
                    using (var call = invoker.AsyncServerStreamingCall(Method(MethodType.ServerStreaming, method.Service, method.Name), null, options, request))
                    {
                        // The first answer (or the refusal) is enough; a watch would otherwise run until the deadline.
                        using var first = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                        try
                        {
                            await call.ResponseStream.MoveNext(first.Token);
                        }
                        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && first.IsCancellationRequested)
                        {
                        }
                    }

                    break;
                default:
                    using (var call = invoker.AsyncDuplexStreamingCall(Method(method.Type, method.Service, method.Name), null, options))
                    {
                        await call.RequestStream.WriteAsync(request);
                        await call.RequestStream.CompleteAsync();
                        while (await call.ResponseStream.MoveNext(CancellationToken.None))
                        {
                        }
                    }

                    break;
            }

            return Status.DefaultSuccess;
        }
        catch (RpcException e)
        {
            return e.Status;
        }
    }
}

/// <summary>A gRPC method as the service's reflection describes it.</summary>
public sealed record GrpcMethod(string Service, string Name, MethodType Type, string InputType)
{
    public string FullName => $"{Service}/{Name}";

    /// <summary>The request's municipality code field number, when it has one.</summary>
    public int? MunicipalityField { get; init; }

    /// <summary>The request and reply types of the method's files, with their protovalidate rules.</summary>
    public ProtoTypes? Types { get; init; }
}
