using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.ServiceDefaults.Errors;

/// <summary>
/// "Try again in a moment", written the same way by every process: REST 503 with Retry-After and a Spanish problem,
/// gRPC Unavailable as a trailers-only response with Retry-After. A service writes it for a database that is away for
/// a moment (<see cref="TransientDatabaseErrors"/>); the gateway for a service that does not answer.
/// </summary>
public static class UnavailableAnswer
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public const string Title = "Servicio no disponible por un momento.";
    public const string ProblemType = "https://boards.example/problems/unavailable";

    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Writes the answer with <paramref name="detail"/> unless the response has already started; false when it could not.</summary>
    public static async Task<bool> TryWriteAsync(HttpContext context, string detail)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return false;
        }

        response.Clear();
        response.Headers.RetryAfter = Seconds(RetryAfter);
        if (IsGrpc(context.Request))
        {
            // Trailers-only: HTTP 200 with the gRPC status in the headers, as gRPC servers send it.
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/grpc";
            response.Headers["grpc-status"] = "14";
            response.Headers["grpc-message"] = PercentEncode(detail);
            return true;
        }

        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = Title,
            Detail = detail,
            Type = ProblemType,
        };
        var writer = context.RequestServices.GetService<IProblemDetailsService>();
        if (writer is null || !await writer.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            response.ContentType = "application/problem+json";
            await response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
        }

        return true;
    }

    public static string Seconds(TimeSpan delay) => ((int)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

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
