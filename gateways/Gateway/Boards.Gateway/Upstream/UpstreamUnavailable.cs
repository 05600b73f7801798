using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Yarp.ReverseProxy.Forwarder;

namespace Boards.Gateway.Upstream;

/// <summary>
/// When a service is down, restarting or too slow, YARP answers 502 or 504 with an empty body. Callers cannot tell that
/// apart from a bug, so this turns it into what they can act on: REST 503 with Retry-After and a Spanish problem
/// details body, gRPC status Unavailable (a trailers-only response). Nothing is changed once the response has started.
/// </summary>
public static class UpstreamUnavailable
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public const string Title = "Servicio no disponible por un momento.";
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

        if (IsGrpc(context.Request))
        {
            WriteGrpcUnavailable(context.Response);
            return;
        }

        await WriteProblemAsync(context);
    }

    /// <summary>The caller going away is not the upstream's fault; everything else on the way there and back is.</summary>
    public static bool IsUpstreamFailure(ForwarderError error) =>
        error is not (ForwarderError.None or ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled
            or ForwarderError.ResponseBodyCanceled or ForwarderError.UpgradeRequestCanceled or ForwarderError.UpgradeResponseCanceled
            or ForwarderError.RequestBodyClient or ForwarderError.UpgradeRequestClient);

    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>A trailers-only gRPC response: HTTP 200 with grpc-status 14 in the headers, as gRPC servers send it.</summary>
    public static void WriteGrpcUnavailable(HttpResponse response)
    {
        response.Clear();
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = "14";
        response.Headers["grpc-message"] = PercentEncode(Detail);
        response.Headers.RetryAfter = Seconds(RetryAfter);
    }

    private static async Task WriteProblemAsync(HttpContext context)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = Seconds(RetryAfter);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = Title,
            Detail = Detail,
            Type = "https://boards.example/problems/unavailable",
        };
        var writer = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (!await writer.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            response.ContentType = "application/problem+json";
            await response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
        }
    }

    private static string Seconds(TimeSpan delay) => ((int)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    /// <summary>grpc-message is percent-encoded UTF-8 (the gRPC HTTP/2 protocol): printable ASCII stays, the rest is %XX.</summary>
    public static string PercentEncode(string message)
    {
        var builder = new StringBuilder(message.Length * 2);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
