using Boards.Referrals.Features.RetentionSweep;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Boards.Referrals.Api.Rest;

/// <summary>The retention sweep for ministry-admin: run it now, and see what past runs did.</summary>
public static class RetentionEndpoints
{
    public static IEndpointRouteBuilder MapRetentionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/referrals/retention").WithTags("Retención de datos personales")
            .RequireAuthorization(BoardsPolicies.MinistryAdmin);

        group.MapPost("/sweep", async Task<Ok<RetentionRunView>> (RetentionSweep sweep, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(RetentionRunView.From(await sweep.RunAsync(Caller.From(http.User).DisplayName, ct))))
            .WithSummary("Anonimizar ahora las referencias cerradas hace más que el período de retención");

        group.MapGet("/runs", async Task<Ok<IReadOnlyList<RetentionRunView>>> (RetentionSweep sweep, CancellationToken ct) =>
                TypedResults.Ok<IReadOnlyList<RetentionRunView>>([.. (await sweep.RecentRunsAsync(ct)).Select(RetentionRunView.From)]))
            .WithSummary("Las últimas 50 pasadas de la retención: cuándo, hasta qué fecha de cierre y cuántas referencias");
        return app;
    }
}

public sealed record RetentionRunView(DateTimeOffset At, DateTimeOffset ClosedBefore, int Anonymised, string StartedBy)
{
    public static RetentionRunView From(RetentionRun run) => new(run.At, run.ClosedBefore, run.Anonymised, run.StartedBy);
}
