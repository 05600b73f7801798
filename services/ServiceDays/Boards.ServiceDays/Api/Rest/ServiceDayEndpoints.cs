using System.Security.Claims;
using Boards.ServiceDays.Features.CancelServiceDay;
using Boards.ServiceDays.Features.ConfirmServiceDay;
using Boards.ServiceDays.Features.EditServiceDay;
using Boards.ServiceDays.Features.GetServiceDay;
using Boards.ServiceDays.Features.HoldServiceDay;
using Boards.ServiceDays.Features.ListServiceDays;
using Boards.ServiceDays.Features.PlanServiceDay;
using Boards.ServiceDays.Features.SubmitServiceDayReport;
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
        ListServiceDaysHandler handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var days = await handler.HandleAsync(new ListServiceDaysQuery(municipality, status, from, to), Caller.From(user), ct);
        return TypedResults.Ok<IReadOnlyList<ServiceDaySummaryView>>(days.Select(ServiceDaySummaryView.From).ToList());
    }

    public static async Task<Created<ServiceDayView>> CreateAsync(ServiceDayInput input, PlanServiceDayHandler handler, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await handler.HandleAsync(input, Caller.From(user), ct);
        return TypedResults.Created($"/api/service-days/{result.Day.Id}", ServiceDayView.From(result));
    }

    public static async Task<Ok<ServiceDayView>> GetAsync(Guid id, GetServiceDayHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(ServiceDayView.From(await handler.HandleAsync(id, Caller.From(user), ct)));

    public static async Task<Ok<ServiceDayView>> UpdateAsync(
        Guid id, ServiceDayInput input, EditServiceDayHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(ServiceDayView.From(await handler.HandleAsync(id, input, Caller.From(user), ct)));

    public static async Task<Ok<ServiceDayView>> ConfirmAsync(Guid id, ConfirmServiceDayHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(ServiceDayView.From(await handler.HandleAsync(id, Caller.From(user), ct)));

    public static async Task<Ok<ServiceDayView>> HoldAsync(Guid id, HoldServiceDayHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(ServiceDayView.From(await handler.HandleAsync(id, Caller.From(user), ct)));

    public static async Task<Ok<ServiceDayView>> CancelAsync(
        Guid id, CancelCommand command, CancelServiceDayHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(ServiceDayView.From(await handler.HandleAsync(id, command, Caller.From(user), ct)));

    public static async Task<Ok<ServiceDayView>> ReportAsync(
        Guid id, SubmitReportCommand command, SubmitServiceDayReportHandler handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(ServiceDayView.From(await handler.HandleAsync(id, command, Caller.From(user), ct)));
}
