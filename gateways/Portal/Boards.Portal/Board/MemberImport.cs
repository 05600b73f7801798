using System.Net;
using System.Net.Http.Json;

namespace Boards.Portal.Board;

/// <summary>Membership's answer to a small file: how many members were added.</summary>
public sealed record MemberImportResultView(int Added, long BoardVersion);

/// <summary>
/// A large file's job (GET /api/boards/{code}/members/import/{jobId}): its phase (queued, validating, writing,
/// completed, failed), the rows processed so far, and at the end what was added or every error.
/// </summary>
public sealed record MemberImportJobView(
    Guid Id, string MunicipalityCode, string Status, int ProcessedRows, int TotalRows, int Percent,
    IReadOnlyList<ImportErrorView>? Errors, int? Added, long? BoardVersion, string? Detail, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt)
{
    public bool Finished => Status is "completed" or "failed";
}

/// <summary>What sending the file gave: members added now, a job to follow, or why nothing was written.</summary>
public sealed record MemberImportOutcome(ApiOutcome Outcome, int? Added, Guid? JobId, ImportFailure? Failure);

/// <summary>
/// POST /api/boards/{code}/members/import (docs/member-import.md): all or nothing. Up to Membership's threshold the
/// file is imported in the request; a larger one answers 202 with a job whose progress the job page shows.
/// </summary>
public static class MemberImport
{
    public static async Task<MemberImportOutcome> SendAsync(
        IHttpClientFactory clients, ILogger logger, string code, IFormFile file, CancellationToken ct = default)
    {
        try
        {
            using var response = await CsvUploads.PostAsync(clients, $"api/boards/{Uri.EscapeDataString(code)}/members/import", file, "miembros.csv", ct);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                var job = await response.Content.ReadFromJsonAsync<MemberImportJobView>(CsvUploads.Json, ct);
                return new MemberImportOutcome(ApiOutcome.Ok, null, job!.Id, null);
            }

            if (response.IsSuccessStatusCode)
            {
                var result = await response.Content.ReadFromJsonAsync<MemberImportResultView>(CsvUploads.Json, ct);
                return new MemberImportOutcome(ApiOutcome.Ok, result!.Added, null, null);
            }

            var failure = await CsvUploads.FailureAsync(response, ct);
            return new MemberImportOutcome(failure.Outcome, null, null, failure);
        }
        catch (Exception e) when (CsvUploads.IsUnreachable(e, ct))
        {
            logger.LogWarning(e, "El gateway no respondió a la importación de miembros de {Municipality}", code);
            return new MemberImportOutcome(ApiOutcome.Unavailable, null, null, null);
        }
    }

    public static Task<ApiResult<MemberImportJobView>> JobAsync(this BoardsApi api, string code, string jobId, CancellationToken ct = default) =>
        api.SendAsync<MemberImportJobView>(HttpMethod.Get, $"api/boards/{Uri.EscapeDataString(code)}/members/import/{Uri.EscapeDataString(jobId)}", null, ct);
}
