using Boards.Membership.Domain;
using Boards.Membership.Features.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Boards.Membership.Api.Rest;

/// <summary>Turns application and domain errors into RFC 9457 problem details (Spanish titles) for REST callers.</summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            return false;
        }

        ProblemDetails? problem = exception switch
        {
            ValidationFailedException validation => new HttpValidationProblemDetails(validation.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "La solicitud tiene datos inválidos.",
            },
            DomainValidationException domain => new HttpValidationProblemDetails(new Dictionary<string, string[]> { [domain.Field] = [domain.Message] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "La solicitud tiene datos inválidos.",
            },
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "No se pudo leer la solicitud.",
                Detail = bad.InnerException?.Message ?? bad.Message,
            },
            NotFoundException notFound => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "No encontrado.", Detail = notFound.Message },
            ForbiddenException forbidden => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Fuera de su alcance.", Detail = forbidden.Message },
            BoardRuleException rule => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "La mesa no permite este cambio.",
                Detail = rule.Message,
                Extensions = { ["rule"] = rule.Rule },
            },
            ConcurrencyConflictException conflict => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Versión desactualizada.",
                Detail = conflict.Message,
                Type = "https://boards.example/problems/stale-version",
            },
            _ => null,
        };

        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
