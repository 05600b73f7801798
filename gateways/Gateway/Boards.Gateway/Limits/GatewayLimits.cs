using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Boards.Gateway.Limits;

/// <summary>
/// Size limits at the door, matching the services' (Boards.BuildingBlocks.Api.RequestLimits; docs/security.md).
/// A REST body over the limit is refused with 413 before it is forwarded. A gRPC call may carry a little more than one
/// service message, so that the service itself answers an oversized message with ResourceExhausted: a 413 on a gRPC
/// call reaches the client as Unknown.
/// </summary>
public static class GatewayLimits
{
    public const long RestBodyBytes = 8 * 1024 * 1024;
    public const long GrpcBodyBytes = 16 * 1024 * 1024;
    public const int HeadersTotalBytes = 32 * 1024;

    public static IServiceCollection AddGatewayLimits(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = RestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = HeadersTotalBytes;
        });

    public static WebApplication UseGatewayLimits(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var grpc = context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
            if (grpc && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
            {
                body.MaxRequestBodySize = GrpcBodyBytes;
            }

            if (!grpc && context.Request.ContentLength > RestBodyBytes)
            {
                await TypedResults.Problem(
                    title: "La solicitud es demasiado grande.",
                    detail: $"El cuerpo de una solicitud admite como máximo {RestBodyBytes / (1024 * 1024)} MiB. Divida los datos en varias solicitudes.",
                    statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(context);
                return;
            }

            await next(context);
        });
        return app;
    }
}
