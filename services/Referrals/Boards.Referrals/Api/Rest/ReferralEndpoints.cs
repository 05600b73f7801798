using Boards.Referrals.Features.CreateReferral;
using Boards.Referrals.Features.GetReferral;
using Boards.Referrals.Features.ListReferrals;
using Boards.Referrals.Features.PersonRecord;
using Boards.Referrals.Features.ReadFullReferral;
using Boards.Referrals.Features.Transitions;
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

        group.MapPost("/{id}/full-read", async Task<Ok<ReferralView>> (
            string id, ReadFullReferralCommand command, ReadFullReferralHandler handler, ViewFactory views, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(views.Full(await handler.HandleAsync(id, command, Caller.From(http.User), ct))))
            .WithSummary("Una referencia con los datos completos de la persona, indicando el motivo (queda en la auditoría)")
            .WithDescription("El Ministerio ve las referencias con iniciales y sin documento, teléfono ni fecha de nacimiento; " +
                             "con un motivo (10 a 500 caracteres) ve el registro completo y la lectura queda registrada con ese motivo.");

        group.MapPost("/{id}/person-record", async Task<Ok<PersonRecordView>> (
            string id, PersonRecordCommand? command, PersonRecordHandler handler, HttpContext http, CancellationToken ct) =>
            // No body is no reason: the answer names "reason".
            TypedResults.Ok(await handler.HandleAsync(id, command ?? new PersonRecordCommand(null), Caller.From(http.User), ct)))
            .WithSummary("El registro de la persona: todas sus referencias, en todas las instituciones y municipios, indicando el motivo (queda en la auditoría)")
            .WithDescription("Desde una referencia a su alcance: el punto focal del municipio de origen, las instituciones de origen y destino " +
                             "y el Ministerio. El motivo (10 a 500 caracteres) es obligatorio. Las 200 más recientes; truncated indica que hay más.");

        // One lambda per transition with its concrete body type, so that ASP.NET Core's validation generator sees each
        // body and applies its limits (a generic helper would hide them).
        group.MapPost("/{id}/accept", (string id, NoteCommand? command, TransitionHandler h, ViewFactory views, HttpContext http, CancellationToken ct) =>
            Transition(views, command, c => h.AcceptAsync(id, c, Caller.From(http.User), ct))).WithSummary("Aceptar");
        group.MapPost("/{id}/reject", (string id, RejectCommand? command, TransitionHandler h, ViewFactory views, HttpContext http, CancellationToken ct) =>
            Transition(views, command, c => h.RejectAsync(id, c, Caller.From(http.User), ct))).WithSummary("Rechazar, con motivo");
        group.MapPost("/{id}/start", (string id, NoteCommand? command, TransitionHandler h, ViewFactory views, HttpContext http, CancellationToken ct) =>
            Transition(views, command, c => h.StartAsync(id, c, Caller.From(http.User), ct))).WithSummary("Iniciar la atención");
        group.MapPost("/{id}/hold", (string id, NoteCommand? command, TransitionHandler h, ViewFactory views, HttpContext http, CancellationToken ct) =>
            Transition(views, command, c => h.HoldAsync(id, c, Caller.From(http.User), ct))).WithSummary("Poner en espera, con nota");
        group.MapPost("/{id}/resume", (string id, NoteCommand? command, TransitionHandler h, ViewFactory views, HttpContext http, CancellationToken ct) =>
            Transition(views, command, c => h.ResumeAsync(id, c, Caller.From(http.User), ct))).WithSummary("Reanudar");
        group.MapPost("/{id}/counter-referral", (string id, CounterReferCommand? command, TransitionHandler h, ViewFactory views, HttpContext http, CancellationToken ct) =>
            Transition(views, command, c => h.CounterReferAsync(id, c, Caller.From(http.User), ct))).WithSummary("Contrarreferir y cerrar el circuito");
        group.MapPost("/{id}/cancel", (string id, CancelCommand? command, TransitionHandler h, ViewFactory views, HttpContext http, CancellationToken ct) =>
            Transition(views, command, c => h.CancelAsync(id, c, Caller.From(http.User), ct))).WithSummary("Cancelar, con motivo y nota");
        return app;
    }

    /// <summary>An empty body or "null" arrives as null (the body is optional to minimal APIs): the answer names it.</summary>
    private static async Task<Ok<ReferralView>> Transition<TCommand>(ViewFactory views, TCommand? command, Func<TCommand, Task<Referral>> apply)
        where TCommand : class =>
        TypedResults.Ok(views.From(await apply(command ?? throw MissingBody())));

    private static ValidationFailedException MissingBody() =>
        ValidationFailedException.For("body", "Envíe el cuerpo de la solicitud en JSON; sin datos, envíe {}.");
}

public sealed record ReferralPageView(IReadOnlyList<ReferralView> Referrals, string? NextPageToken, int TotalCount);

/// <summary>
/// Builds views with the current time and deadline policy (for the overdue and due-soon flags), showing the person as
/// much as the caller may see (<see cref="PersonDisclosure"/>).
/// </summary>
public sealed class ViewFactory(TimeProvider clock, IOptions<ReferralsOptions> options, IHttpContextAccessor http)
{
    public ReferralView From(Referral referral) => View(referral, reasonGiven: false);

    /// <summary>For a reader who stated a reason (already in the read audit).</summary>
    public ReferralView Full(Referral referral) => View(referral, reasonGiven: true);

    private Caller? _reader;

    /// <summary>Read from the token once per request (a list page maps up to 200 referrals).</summary>
    private Caller Reader => _reader ??= Caller.From(http.HttpContext?.User ?? new System.Security.Claims.ClaimsPrincipal());

    private ReferralView View(Referral referral, bool reasonGiven) =>
        ReferralView.From(referral, clock.GetUtcNow(), options.Value.Deadlines, PersonDisclosure.For(Reader, referral, reasonGiven));
}
