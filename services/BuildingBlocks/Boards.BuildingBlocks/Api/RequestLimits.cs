using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Boards.BuildingBlocks.Api;

/// <summary>
/// How big one request may be, the same in every service (and at the gateway, see docs/security.md). A request over a
/// limit is refused before it is read: 413 for a REST body, 431 for headers, <c>ResourceExhausted</c> for a gRPC message.
/// </summary>
public static class RequestLimits
{
    /// <summary>A REST body: the largest CSV import (members, 5 MiB) with room for a multipart envelope.</summary>
    public const long RestBodyBytes = 8 * 1024 * 1024;

    /// <summary>One gRPC message, either way: a batch of referrals fits many times over.</summary>
    public const int GrpcMessageBytes = 4 * 1024 * 1024;

    /// <summary>All request headers together: a bearer token is about 1.5 KiB.</summary>
    public const int HeadersTotalBytes = 32 * 1024;

    public static IServiceCollection AddBoardsRequestLimits(this IServiceCollection services)
    {
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = RestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = HeadersTotalBytes;
        });
        services.Configure<GrpcServiceOptions>(grpc =>
        {
            grpc.MaxReceiveMessageSize = GrpcMessageBytes;
            grpc.MaxSendMessageSize = GrpcMessageBytes;
        });
        return services;
    }
}
