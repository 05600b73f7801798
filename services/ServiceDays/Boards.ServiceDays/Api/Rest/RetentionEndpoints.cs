using Boards.ServiceDays.Features.ListRetentionRuns;
using Boards.ServiceDays.Features.RetentionSweep;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.ServiceDays.Api.Rest;

/// <summary>
/// The retention sweep for ministry-admin: run it now, and see what past runs did. "retention" is no guid, so these
/// routes never meet /api/service-days/{id:guid}.
/// </summary>
public static class RetentionEndpoints
{
    public static IEndpointRouteBuilder MapRetentionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/service-days/retention").WithTags("Retención de datos personales")
            .RequireAuthorization(BoardsPolicies.MinistryAdmin);

        group.MapPost("/sweep", async Task<Ok<RetentionRunView>> (RetentionSweep sweep, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(RetentionRunView.From(await sweep.RunAsync(Caller.From(http.User).DisplayName, ct))))
            .WithSummary("Eliminar ahora los datos personales de las referencias de jornadas no entregadas en el período de retención");

        group.MapGet("/runs", async Task<Ok<IReadOnlyList<RetentionRunView>>> (ListRetentionRunsHandler handler, CancellationToken ct) =>
                TypedResults.Ok<IReadOnlyList<RetentionRunView>>([.. (await handler.HandleAsync(ct)).Select(RetentionRunView.From)]))
            .WithSummary("Las últimas 50 pasadas de la retención: cuándo, hasta qué fecha de recepción y cuántas referencias");
        return app;
    }
}

public sealed record RetentionRunView(DateTimeOffset At, DateTimeOffset ReceivedBefore, int Erased, string StartedBy)
{
    public static RetentionRunView From(RetentionRun run) => new(run.At, run.ReceivedBefore, run.Erased, run.StartedBy);
}
