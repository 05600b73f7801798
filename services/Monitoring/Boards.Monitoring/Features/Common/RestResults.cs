using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.Monitoring.Features.Common;

/// <summary>Turns a query's refusal into RFC 9457 problem details with Spanish titles.</summary>
public static class RestResults
{
    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: MonitoringMessages.ForbiddenTitle, detail: detail);

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: MonitoringMessages.NotFoundTitle, detail: detail);

    public static ProblemHttpResult Conflict(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [message] },
            title: MonitoringMessages.InvalidTitle);
}
