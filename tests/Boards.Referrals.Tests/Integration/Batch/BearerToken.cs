using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Boards.Referrals.Tests.Integration.Batch;

/// <summary>Adds the bearer token to every call, as an integrator's client does.</summary>
internal sealed class BearerToken(string token) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var headers = context.Options.Headers ?? [];
        headers.Add("authorization", $"Bearer {token}");
        return continuation(request, new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers)));
    }
}
