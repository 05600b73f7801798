using Boards.Referrals.Features.BatchCreateReferrals;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.Referrals.Api.Rest;

/// <summary>
/// POST /api/referrals/batch: the REST twin of BatchCreateReferrals, same shape in camelCase. 200 with one result per
/// item; 400 only for an empty or oversized batch.
/// </summary>
public static class BatchEndpoints
{
    public static IEndpointRouteBuilder MapBatchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/referrals/batch", async Task<Ok<BatchResponseView>> (
                BatchCreateReferralsCommand? command, BatchCreateReferralsHandler handler, ViewFactory views, HttpContext http, CancellationToken ct) =>
            {
                // No body (or "null") is an empty batch: the handler answers 400 on "items".
                var results = await handler.HandleAsync(command ?? new BatchCreateReferralsCommand(), Caller.From(http.User), ct);
                return TypedResults.Ok(new BatchResponseView(results.Select(r => BatchResultView.From(r, views)).ToList()));
            })
            .WithTags("Referencias")
            .RequireAuthorization(BoardsPolicies.AnyBoardsRole)
            .WithSummary("Enviar hasta 100 referencias en un lote (integradores; idempotente por referenceId)");
        return app;
    }
}

public sealed record BatchResponseView(IReadOnlyList<BatchResultView> Results);

public sealed record BatchResultView(string ReferenceId, ReferralView? Referral, BatchErrorView? Error, bool Replayed)
{
    public static BatchResultView From(BatchItemResult result, ViewFactory views) => new(
        result.ReferenceId,
        result.Referral is { } referral ? views.From(referral) : null,
        result.Error is { } error ? BatchErrorView.From(error) : null,
        result.Replayed);
}

/// <summary>The same as the gRPC BatchItemError: the status code name, a Spanish message, field violations (camelCase paths).</summary>
public sealed record BatchErrorView(
    string Code, string Message, IReadOnlyList<BatchFieldViolationView> FieldViolations, string? PreconditionType, string? PreconditionSubject)
{
    public static BatchErrorView From(ApiError error) => new(
        BatchItemErrors.CodeName(error.Kind),
        error.Detail,
        (error.FieldErrors ?? new Dictionary<string, string[]>())
            .SelectMany(f => f.Value.Select(description => new BatchFieldViolationView(f.Key, description))).ToList(),
        error.Subject is null ? null : error.PreconditionType ?? "STATE",
        error.Subject);
}

public sealed record BatchFieldViolationView(string Field, string Description);
