using Boards.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Forwarder;

namespace Boards.Gateway.Upstream;

/// <summary>
/// When a service is down, restarting or too slow, YARP answers 502 or 504 with an empty body. Callers cannot tell that
/// apart from a bug, so this turns it into what they can act on: REST 503 with Retry-After and a Spanish problem
/// details body, gRPC status Unavailable (a trailers-only response). Nothing is changed once the response has started.
/// </summary>
public static class UpstreamUnavailable
{
    public const string Detail = "El servicio que atiende esta solicitud no responde en este momento. Intente de nuevo en unos segundos.";

    /// <summary>Runs the rest of the proxy pipeline, then rewrites an upstream failure that has not reached the caller yet.</summary>
    public static async Task RewriteFailuresAsync(HttpContext context, Func<Task> next)
    {
        await next();
        var failure = context.GetForwarderErrorFeature();
        if (failure is null || context.Response.HasStarted || !IsUpstreamFailure(failure.Error))
        {
            return;
        }

        await UnavailableAnswer.TryWriteAsync(context, Detail);
    }

    /// <summary>The caller going away is not the upstream's fault; everything else on the way there and back is.</summary>
    public static bool IsUpstreamFailure(ForwarderError error) =>
        error is not (ForwarderError.None or ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled
            or ForwarderError.ResponseBodyCanceled or ForwarderError.UpgradeRequestCanceled or ForwarderError.UpgradeResponseCanceled
            or ForwarderError.RequestBodyClient or ForwarderError.UpgradeRequestClient);
}
