using Boards.Gateway.RateLimiting;

namespace Boards.Gateway.GrpcContracts;

public static class ProtoBundleEndpoint
{
    /// <summary>Built at start, so that a contract whose .proto text is missing stops the gateway instead of a download.</summary>
    public static IServiceCollection AddProtoBundle(this IServiceCollection services) =>
        services.AddSingleton(_ => ProtoBundle.Build());

    /// <summary>The bundle, anonymous (what reflection and the repository already show) and limited per client.</summary>
    public static WebApplication MapProtoBundle(this WebApplication app)
    {
        var bundle = app.Services.GetRequiredService<ProtoBundle>();
        app.MapGet(ProtoBundle.Path, () => TypedResults.File(bundle.Zip, "application/zip", bundle.DownloadName, entityTag: bundle.ETag))
            .AllowAnonymous()
            .RequireRateLimiting(ClientRateLimiting.PolicyName);
        return app;
    }
}
