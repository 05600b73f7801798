using System.Security.Claims;
using Boards.ServiceDays.Features.ListDayReferrals;
using Boards.ServiceDays.Features.RecordReferrals;
using Boards.ServiceDays.Features.RetryReferral;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.ServiceDays.Api.Rest;

/// <summary>Needs found on the day, sent as referrals to the referrals service, with a per-person outcome and retry.</summary>
public static class ReferralEndpoints
{
    public static IEndpointRouteBuilder MapReferralEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/service-days/{id:guid}/referrals").WithTags("Jornadas de servicios").RequireAuthorization(BoardsPolicies.AnyBoardsRole);
        group.MapGet("/", ListAsync).WithSummary("Las referencias de la jornada y su resultado por persona");
        group.MapPost("/", RecordAsync).WithSummary("Enviar referencias (una por persona); reenviar el lote reintenta las no entregadas");
        group.MapPost("/{entryId}/retry", RetryAsync).WithSummary("Reintentar una referencia no entregada");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<ReferralEntryView>>> ListAsync(Guid id, ListDayReferralsHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(id, Caller.From(user), ct));

    public static async Task<Ok<ReferralBatchResult>> RecordAsync(
        Guid id, RecordReferralsCommand command, RecordReferralsHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(id, command, Caller.From(user), ct));

    public static async Task<Ok<ReferralEntryView>> RetryAsync(Guid id, string entryId, RetryReferralHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await handler.HandleAsync(id, entryId, Caller.From(user), ct));
}
