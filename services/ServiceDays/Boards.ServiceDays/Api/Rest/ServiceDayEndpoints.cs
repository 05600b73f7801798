using System.Security.Claims;
using Boards.ServiceDays.Data;
using Boards.ServiceDays.Domain;
using Boards.ServiceDays.Features.Days;
using Boards.ServiceDays.Features.Report;
using Boards.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Boards.ServiceDays.Api.Rest;

/// <summary>Service days under /api/service-days. Scope is checked in the features.</summary>
public static class ServiceDayEndpoints
{
    public static IEndpointRouteBuilder MapServiceDayEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/service-days").WithTags("Jornadas de servicios").RequireAuthorization(BoardsPolicies.AnyBoardsRole);

        group.MapGet("/", ListAsync).WithSummary("Jornadas; filtros municipality, status, from y to (AAAA-MM-DD)");
        group.MapPost("/", CreateAsync).WithSummary("Planificar una jornada con servicios del catálogo de oferta del municipio");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("Una jornada con su asistencia, referencias e informe");
        group.MapPut("/{id:guid}", UpdateAsync).WithSummary("Modificar una jornada planificada");
        group.MapPost("/{id:guid}/confirm", ConfirmAsync).WithSummary("Confirmar: planificada → confirmada");
        group.MapPost("/{id:guid}/hold", HoldAsync).WithSummary("Marcar como realizada: confirmada → realizada");
        group.MapPost("/{id:guid}/cancel", CancelAsync).WithSummary("Cancelar una jornada planificada o confirmada, con motivo");
        group.MapPost("/{id:guid}/report", ReportAsync).WithSummary("Presentar el informe de cierre: realizada → con informe; publica ServiceDayHeld");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<ServiceDaySummaryView>>> ListAsync(
        [FromQuery] string? municipality, [FromQuery] string? status, [FromQuery] string? from, [FromQuery] string? to,
        ServiceDayPlanner planner, ClaimsPrincipal user, CancellationToken ct)
    {
        var days = await planner.ListAsync(new ListQuery(municipality, status, from, to), Caller.From(user), ct);
        return TypedResults.Ok<IReadOnlyList<ServiceDaySummaryView>>(days.Select(d => new ServiceDaySummaryView(
            d.Id, d.MunicipalityCode, d.Locality, d.Date, d.Venue, d.Status.Code(), d.ExpectedAttendance,
            d.Institutions, d.Version, d.ReportedPeopleServed)).ToList());
    }

    public static async Task<Created<ServiceDayView>> CreateAsync(
        ServiceDayInput input, ServiceDayPlanner planner, ServiceDaysDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var day = await planner.CreateAsync(input, Caller.From(user), ct);
        return TypedResults.Created($"/api/service-days/{day.Id}", await ViewAsync(db, day, ct));
    }

    public static async Task<Ok<ServiceDayView>> GetAsync(Guid id, ServiceDayPlanner planner, ServiceDaysDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await ViewAsync(db, await planner.GetAsync(id, Caller.From(user), ct), ct));

    public static async Task<Ok<ServiceDayView>> UpdateAsync(
        Guid id, ServiceDayInput input, ServiceDayPlanner planner, ServiceDaysDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await ViewAsync(db, await planner.UpdateAsync(id, input, Caller.From(user), ct), ct));

    public static async Task<Ok<ServiceDayView>> ConfirmAsync(Guid id, ServiceDayPlanner planner, ServiceDaysDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await ViewAsync(db, await planner.ConfirmAsync(id, Caller.From(user), ct), ct));

    public static async Task<Ok<ServiceDayView>> HoldAsync(Guid id, ServiceDayPlanner planner, ServiceDaysDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await ViewAsync(db, await planner.HoldAsync(id, Caller.From(user), ct), ct));

    public static async Task<Ok<ServiceDayView>> CancelAsync(
        Guid id, CancelCommand command, ServiceDayPlanner planner, ServiceDaysDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await ViewAsync(db, await planner.CancelAsync(id, command, Caller.From(user), ct), ct));

    public static async Task<Ok<ServiceDayView>> ReportAsync(
        Guid id, SubmitReportCommand command, DayReports reports, ClaimsPrincipal user, CancellationToken ct)
    {
        var (day, figures) = await reports.SubmitAsync(id, command, Caller.From(user), ct);
        return TypedResults.Ok(ServiceDayView.From(day, figures));
    }

    private static async Task<ServiceDayView> ViewAsync(ServiceDaysDbContext db, ServiceDay day, CancellationToken ct) =>
        ServiceDayView.From(day, await DayFigures.ComputeAsync(db, day.Id, ct));
}
