using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Boards.BuildingBlocks.Errors;

/// <summary>Writes mapped errors as RFC 9457 problem details (Spanish titles). gRPC calls are left to the interceptor.</summary>
public sealed class ProblemDetailsErrorHandler(IEnumerable<IApiErrorMapper> mappers, IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true ||
            ApiErrors.Resolve(mappers, exception) is not { } error)
        {
            return false;
        }

        var problem = ToProblem(error);
        httpContext.Response.StatusCode = problem.Status!.Value;
        if (error.RetryAfter is { } retryAfter)
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails ToProblem(ApiError error)
    {
        ProblemDetails problem = error.FieldErrors is { } fields
            ? new HttpValidationProblemDetails(fields.ToDictionary(f => f.Key, f => f.Value))
            : new ProblemDetails { Detail = error.Detail };
        problem.Status = error.Kind switch
        {
            ApiErrorKind.InvalidArgument => StatusCodes.Status400BadRequest,
            ApiErrorKind.NotFound => StatusCodes.Status404NotFound,
            ApiErrorKind.PermissionDenied => StatusCodes.Status403Forbidden,
            ApiErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
            ApiErrorKind.ResourceExhausted => StatusCodes.Status429TooManyRequests,
            _ => StatusCodes.Status409Conflict,
        };
        problem.Title = error.Title;
        problem.Type = error.ProblemType;
        foreach (var (key, value) in error.Extensions)
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }
}
