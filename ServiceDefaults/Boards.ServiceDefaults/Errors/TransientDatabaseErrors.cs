using System.Data.Common;
using Microsoft.AspNetCore.Http;

namespace Boards.ServiceDefaults.Errors;

/// <summary>
/// The last line for a database that is away for a moment, in any process built on the service defaults (the identity
/// provider included, which has no Boards error mappers): what nothing else handled becomes REST 503 + Retry-After
/// with a Spanish problem, or gRPC Unavailable, instead of a 500. The services' own mappers
/// (Boards.BuildingBlocks.Errors.TransientFailures) answer the same way first.
/// </summary>
public static class TransientDatabaseErrors
{
    public const string Detail = "La base de datos no responde en este momento. Intente de nuevo en unos segundos.";

    // 08: connection exceptions; 53: insufficient resources; 57P01-57P03: admin/crash shutdown, cannot connect now.
    private static readonly string[] TransientSqlStatePrefixes = ["08", "53", "57P01", "57P02", "57P03"];

    /// <summary>A connection failure, a lack of resources, or PostgreSQL shutting down or starting up.</summary>
    public static bool IsTransientSqlState(string sqlState) =>
        Array.Exists(TransientSqlStatePrefixes, prefix => sqlState.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>True when the exception, or one it wraps (EF Core wraps the driver's), is a transient database failure.</summary>
    public static bool IsTransient(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException database)
            {
                return database.IsTransient || database.SqlState is { } state && IsTransientSqlState(state);
            }
        }

        return false;
    }

    /// <summary>Writes the answer unless the response has already started; false when it could not.</summary>
    public static Task<bool> TryWriteUnavailableAsync(HttpContext context) => UnavailableAnswer.TryWriteAsync(context, Detail);
}
