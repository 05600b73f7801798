namespace Boards.BuildingBlocks.Errors;

/// <summary>The kinds of failure a caller can act on; each has one REST status and one gRPC status code.</summary>
public enum ApiErrorKind
{
    InvalidArgument,
    NotFound,
    PermissionDenied,
    FailedPrecondition,
    Aborted,
    AlreadyExists,
    /// <summary>A dependency (the database) failed for a moment: REST 503 with Retry-After, gRPC Unavailable.</summary>
    Unavailable,
    /// <summary>The caller holds as much of something as one caller may (open streams): REST 429, gRPC ResourceExhausted.</summary>
    ResourceExhausted,
}

/// <summary>
/// One error, independent of transport: REST turns it into problem details, gRPC into a google.rpc.Status.
/// FieldErrors feed BadRequest field violations; Subject feeds PreconditionFailure; Extensions go into problem details.
/// </summary>
public sealed record ApiError(ApiErrorKind Kind, string Title, string Detail)
{
    public IReadOnlyDictionary<string, string[]>? FieldErrors { get; init; }
    public string? PreconditionType { get; init; }
    public string? Subject { get; init; }
    public string? ProblemType { get; init; }
    public IReadOnlyDictionary<string, object?> Extensions { get; init; } = new Dictionary<string, object?>();
    /// <summary>When the caller may try again; sent as Retry-After (REST) and google.rpc.RetryInfo (gRPC).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Try again in a moment (Retry-After); nothing was written.</summary>
    public static ApiError Unavailable(string title, string detail) =>
        new(ApiErrorKind.Unavailable, title, detail) { RetryAfter = TransientFailures.RetryAfter };

    public static ApiError Invalid(IReadOnlyDictionary<string, string[]> fields) =>
        new(ApiErrorKind.InvalidArgument, "La solicitud tiene datos inválidos.", "La solicitud tiene datos inválidos.") { FieldErrors = fields };
}

/// <summary>Translates exceptions a service throws into <see cref="ApiError"/>; null when it does not know the exception.</summary>
public interface IApiErrorMapper
{
    ApiError? Map(Exception exception);
}

/// <summary>The exceptions every service shares (this folder's), plus unreadable request bodies.</summary>
public sealed class CommonErrorMapper : IApiErrorMapper
{
    public ApiError? Map(Exception exception) => exception switch
    {
        ValidationFailedException validation => ApiError.Invalid(validation.Errors),
        Microsoft.AspNetCore.Http.BadHttpRequestException bad =>
            new ApiError(ApiErrorKind.InvalidArgument, "No se pudo leer la solicitud.", bad.InnerException?.Message ?? bad.Message),
        NotFoundException notFound => new ApiError(ApiErrorKind.NotFound, notFound.Title, notFound.Message),
        ForbiddenException forbidden => new ApiError(ApiErrorKind.PermissionDenied, "Fuera de su alcance.", forbidden.Message),
        _ when TransientFailures.IsTransient(exception) => TransientFailures.Unavailable,
        _ when IsTextPostgresCannotStore(exception) => new ApiError(ApiErrorKind.InvalidArgument, "La solicitud tiene datos inválidos.",
            "Un texto de la solicitud contiene caracteres que no se pueden guardar (por ejemplo, el carácter nulo U+0000)."),
        PreconditionFailedException precondition => new ApiError(ApiErrorKind.FailedPrecondition, precondition.Title, precondition.Message)
        {
            PreconditionType = precondition.Type,
            Subject = precondition.Subject,
            Extensions = precondition.Type == PreconditionFailedException.State
                ? new Dictionary<string, object?> { ["code"] = precondition.Type, ["currentStatus"] = precondition.Subject }
                : new Dictionary<string, object?> { ["code"] = precondition.Type },
        },
        AlreadyExistsException exists => new ApiError(ApiErrorKind.AlreadyExists, exists.Title, exists.Message),
        ConcurrencyConflictException conflict => new ApiError(ApiErrorKind.Aborted, "Versión desactualizada.", conflict.Message)
        {
            ProblemType = "https://boards.example/problems/stale-version",
        },
        _ => null,
    };

    // 22021: character not in repertoire (a NUL in text); 22P05: untranslatable character. Bad input, not a bug.
    private static bool IsTextPostgresCannotStore(Exception exception) =>
        PostgresErrors.SqlState(exception) is "22021" or "22P05";
}

public static class ApiErrors
{
    public static ApiError? Resolve(IEnumerable<IApiErrorMapper> mappers, Exception exception)
    {
        foreach (var mapper in mappers)
        {
            if (mapper.Map(exception) is { } error)
            {
                return error;
            }
        }

        return null;
    }
}
