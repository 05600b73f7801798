using Boards.BuildingBlocks.Errors;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Boards.BuildingBlocks.Api.Limits;

/// <summary>
/// Refuses a gRPC request that breaks the limits its proto declares (<see cref="ProtoFieldRules"/>) with InvalidArgument
/// and a field violation per field, before the service method runs. Registered inside <see cref="GrpcErrorInterceptor"/>,
/// which turns the refusal into the status.
/// </summary>
public sealed class GrpcFieldRulesInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Refuse(request);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Refuse(request);
        return continuation(request, responseStream, context);
    }

    private static void Refuse<TRequest>(TRequest request)
    {
        if (request is IMessage message)
        {
            ProtoFieldRules.Check(message).ThrowIfAny();
        }
    }
}
