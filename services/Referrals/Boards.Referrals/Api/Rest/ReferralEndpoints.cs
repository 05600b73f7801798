using Boards.BuildingBlocks.Errors;
using Boards.Referrals.Domain;
using Boards.Referrals.Features.Common;
using Boards.Referrals.Features.CreateReferral;
using Boards.Referrals.Features.GetReferral;
using Boards.Referrals.Features.ListReferrals;
using Boards.Referrals.Features.Transitions;
using Boards.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Boards.Referrals.Api.Rest;

/// <summary>REST for the portal under /api/referrals. Errors become problem details in <see cref="ProblemDetailsExceptionHandler"/>.</summary>
public static class ReferralEndpoints
{
    public static IEndpointRouteBuilder MapReferralEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/referrals").WithTags("Referencias").RequireAuthorization(BoardsPolicies.AnyBoardsRole);

        group.MapPost("/", async Task<Results<Created<ReferralView>, Ok<ReferralView>>> (
            CreateReferralCommand command, CreateReferralHandler handler, ViewFactory views, HttpContext http, CancellationToken ct) =>
        {
            var result = await handler.HandleAsync(command, Caller.From(http.User), ct);
            var view = views.From(result.Referral);
            return result.Replayed ? TypedResults.Ok(view) : TypedResults.Created($"/api/referrals/{view.Id}", view);
        }).WithSummary("Enviar una referencia (idempotente por requestId)");

        group.MapGet("/{id}", async Task<Ok<ReferralView>> (string id, GetReferralHandler handler, ViewFactory views, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(views.From(await handler.HandleAsync(id, Caller.From(http.User), ct))))
            .WithSummary("Una referencia, con su historial");

        group.MapGet("/", async Task<Ok<ReferralPageView>> (
            [FromQuery] string? municipalityCode, [FromQuery(Name = "status")] ReferralStatus[]? statuses, [FromQuery] bool? overdueOnly,
            [FromQuery] int? pageSize, [FromQuery] string? pageToken, ListReferralsHandler handler, ViewFactory views, HttpContext http, CancellationToken ct) =>
        {
            var page = await handler.HandleAsync(
                new ListReferralsQuery(municipalityCode, statuses ?? [], overdueOnly ?? false, pageSize ?? 0, pageToken), Caller.From(http.User), ct);
            return TypedResults.Ok(new ReferralPageView(page.Referrals.Select(views.From).ToList(), page.NextPageToken, page.TotalCount));
        }).WithSummary("Referencias dentro de su alcance, las más recientes primero");

        MapTransition<NoteCommand>(group, "accept", "Aceptar", (h, id, c, caller, ct) => h.AcceptAsync(id, c, caller, ct));
        MapTransition<RejectCommand>(group, "reject", "Rechazar, con motivo", (h, id, c, caller, ct) => h.RejectAsync(id, c, caller, ct));
        MapTransition<NoteCommand>(group, "start", "Iniciar la atención", (h, id, c, caller, ct) => h.StartAsync(id, c, caller, ct));
        MapTransition<NoteCommand>(group, "hold", "Poner en espera, con nota", (h, id, c, caller, ct) => h.HoldAsync(id, c, caller, ct));
        MapTransition<NoteCommand>(group, "resume", "Reanudar", (h, id, c, caller, ct) => h.ResumeAsync(id, c, caller, ct));
        MapTransition<CounterReferCommand>(group, "counter-referral", "Contrarreferir y cerrar el circuito", (h, id, c, caller, ct) => h.CounterReferAsync(id, c, caller, ct));
        MapTransition<CancelCommand>(group, "cancel", "Cancelar, con motivo y nota", (h, id, c, caller, ct) => h.CancelAsync(id, c, caller, ct));
        return app;
    }

    private static void MapTransition<TCommand>(
        RouteGroupBuilder group, string action, string summary,
        Func<TransitionHandler, string, TCommand, Caller, CancellationToken, Task<Referral>> apply)
        where TCommand : class
    {
        // A generic body parameter is optional to minimal APIs: an empty body or "null" arrives here as null.
        group.MapPost($"/{{id}}/{action}", async Task<Ok<ReferralView>> (
            string id, TCommand? command, TransitionHandler handler, ViewFactory views, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(views.From(await apply(handler, id, command ?? throw MissingBody(), Caller.From(http.User), ct))))
            .WithSummary(summary);
    }

    private static ValidationFailedException MissingBody() =>
        ValidationFailedException.For("body", "Envíe el cuerpo de la solicitud en JSON; sin datos, envíe {}.");
}

public sealed record ReferralPageView(IReadOnlyList<ReferralView> Referrals, string? NextPageToken, int TotalCount);

/// <summary>Builds views with the current time and deadline policy (for the overdue and due-soon flags).</summary>
public sealed class ViewFactory(TimeProvider clock, IOptions<ReferralsOptions> options)
{
    public ReferralView From(Referral referral) => ReferralView.From(referral, clock.GetUtcNow(), options.Value.Deadlines);
}
