using System.Globalization;
using Boards.Referrals.Features.ReadAudit;
using CsvHelper;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Boards.Referrals.Api.Rest;

/// <summary>The read audit of personal data, for ministry-admin only: a page as JSON, or the whole filtered trail as CSV.</summary>
public static class ReadAuditEndpoints
{
    private static readonly CsvWriterOptions Spreadsheet = new() { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape };

    public static IEndpointRouteBuilder MapReadAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/referrals/audit").WithTags("Auditoría de lecturas").RequireAuthorization(BoardsPolicies.MinistryAdmin);

        group.MapGet("/", async Task<Ok<PersonalDataReadPage>> (
            [FromQuery] string? personKey, [FromQuery] string? actor, [FromQuery] DateTimeOffset? from, [FromQuery] DateTimeOffset? to,
            [FromQuery] int? pageSize, [FromQuery] string? pageToken, ReadAuditQuery query, CancellationToken ct) =>
            TypedResults.Ok(await query.PageAsync(new ReadAuditFilter(personKey, actor, from, to), pageSize ?? 0, pageToken, ct)))
            .WithSummary("Quién leyó datos personales: por clave de persona, por usuario y por período");

        group.MapGet("/export.csv", async Task<FileContentHttpResult> (
            [FromQuery] string? personKey, [FromQuery] string? actor, [FromQuery] DateTimeOffset? from, [FromQuery] DateTimeOffset? to,
            ReadAuditQuery query, CancellationToken ct) =>
        {
            var reads = await query.AllAsync(new ReadAuditFilter(personKey, actor, from, to), ct);
            using var output = new MemoryStream();
            using (var csv = CsvWriter.Create(output, Spreadsheet, leaveOpen: true))
            {
                csv.WriteRecord(["Fecha (UTC)", "Usuario", "Nombre", "Roles", "Puerta", "Acción", "Datos mostrados", "Referencia", "Clave de persona", "Motivo"]);
                foreach (var r in reads)
                {
                    csv.WriteRecord([r.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), r.ActorSubject, r.ActorName,
                        r.ActorRoles, r.Door, r.Action, r.Disclosure, r.ReferralId.ToString(), r.PersonKey, r.Reason ?? ""]);
                }
            }

            return TypedResults.File(output.ToArray(), "text/csv; charset=utf-8", $"auditoria-lecturas-{DateTime.UtcNow:yyyy-MM-dd}.csv");
        }).WithSummary("La auditoría de lecturas filtrada, como CSV");
        return app;
    }
}
