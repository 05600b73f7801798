using Npgsql;

namespace Boards.BuildingBlocks.Errors;

public static class PostgresErrors
{
    /// <summary>
    /// The SQLSTATE of the PostgreSQL error behind an exception, or null. EF Core wraps Npgsql's error, and its
    /// execution strategy may wrap that again as a "transient failure".
    /// </summary>
    public static string? SqlState(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException postgres)
            {
                return postgres.SqlState;
            }
        }

        return null;
    }

    /// <summary>A unique index refused the write: someone else stored the same key first (a race, or a replay).</summary>
    public static bool IsUniqueViolation(Exception? exception) => SqlState(exception) == PostgresErrorCodes.UniqueViolation;
}
