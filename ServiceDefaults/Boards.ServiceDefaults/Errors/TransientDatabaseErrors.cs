using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Boards.ServiceDefaults.Errors;

/// <summary>
/// The last line for a database that is away for a moment, in any process built on the service defaults (the identity
/// provider included, which has no Boards error mappers): what nothing else handled becomes REST 503 + Retry-After
/// with a Spanish problem, or gRPC Unavailable, instead of a 500. The services' own mappers
/// (Boards.BuildingBlocks.Errors.TransientFailures) answer the same way first.
/// </summary>
public static class TransientDatabaseErrors
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public const string Title = "Servicio no disponible por un momento.";
    public const string Detail = "La base de datos no responde en este momento. Intente de nuevo en unos segundos.";

    // 08: connection exceptions; 53: insufficient resources; 57P01-57P03: admin/crash shutdown, cannot connect now.
    private static readonly string[] TransientSqlStatePrefixes = ["08", "53", "57P01", "57P02", "57P03"];

    /// <summary>True when the exception, or one it wraps (EF Core wraps the driver's), is a transient database failure.</summary>
    public static bool IsTransient(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException database)
            {
                return database.IsTransient ||
                       database.SqlState is { } state && Array.Exists(TransientSqlStatePrefixes, prefix => state.StartsWith(prefix, StringComparison.Ordinal));
            }
        }

        return false;
    }

    /// <summary>Writes the answer unless the response has already started; false when it could not.</summary>
    public static async Task<bool> TryWriteUnavailableAsync(HttpContext context)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return false;
        }

        response.Clear();
        response.Headers.RetryAfter = ((int)Math.Ceiling(RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true)
        {
            // Trailers-only: HTTP 200 with the gRPC status in the headers; grpc-message is percent-encoded UTF-8.
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/grpc";
            response.Headers["grpc-status"] = "14";
            response.Headers["grpc-message"] = Uri.EscapeDataString(Detail);
            return true;
        }

        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = Title,
            Detail = Detail,
            Type = "https://boards.example/problems/unavailable",
        };
        var writer = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        return await writer.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
