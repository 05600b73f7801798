using Boards.ServiceDefaults.Errors;
using Npgsql;

namespace Boards.BuildingBlocks.Errors;

/// <summary>
/// Failures that say "the database is away for a moment", not "this request is wrong": a refused or broken
/// connection, a timeout, PostgreSQL shutting down or starting up, another service answering Unavailable. Callers get
/// Unavailable / 503 and try again.
/// </summary>
public static class TransientFailures
{
    public static readonly TimeSpan RetryAfter = UnavailableAnswer.RetryAfter;

    public static ApiError Unavailable { get; } = new(ApiErrorKind.Unavailable, UnavailableAnswer.Title, TransientDatabaseErrors.Detail)
    {
        ProblemType = UnavailableAnswer.ProblemType,
        RetryAfter = RetryAfter,
    };

    /// <summary>True when the exception, or one it wraps (EF Core wraps Npgsql's), is a transient database failure.</summary>
    public static bool IsTransient(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres:
                    return TransientDatabaseErrors.IsTransientSqlState(postgres.SqlState);
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
                // Another Boards service this one called is away for a moment: so is this answer.
                case Grpc.Core.RpcException { StatusCode: Grpc.Core.StatusCode.Unavailable }:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsTransient):
                    return true;
            }
        }

        return false;
    }
}
