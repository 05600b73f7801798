using Boards.BuildingBlocks.Errors;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Boards.BuildingBlocks.Api.Limits;

/// <summary>
/// Refuses a gRPC request that breaks the limits its proto declares (<see cref="ProtoFieldRules"/>) with InvalidArgument
/// and a field violation per field, before the service method runs. It answers the status itself (as
/// <see cref="GrpcErrorInterceptor"/> would), so that a service without that interceptor (Monitoring) can use it too.
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
            try
            {
                ProtoFieldRules.Check(message).ThrowIfAny();
            }
            catch (ValidationFailedException invalid)
            {
                throw GrpcErrorInterceptor.ToRpc(ApiError.Invalid(invalid.Errors));
            }
        }
    }
}
