using System.Net.Http.Json;

namespace Boards.Portal.Needs;

public sealed record ImportedServiceView(int Line, string Code, string Outcome, int Version);

public sealed record OfferImportView(string MunicipalityCode, int Rows, int Created, int Updated, int Unchanged, IReadOnlyList<ImportedServiceView> Services);

/// <summary>What an import gave: the summary, or why nothing was written (Needs' title and detail, and every error).</summary>
public sealed record OfferImportOutcome(ApiOutcome Outcome, OfferImportView? Result, string? Title, string? Detail, IReadOnlyList<ImportErrorView> Errors);

/// <summary>Sends a CSV to <c>POST /api/offer/{code}/services/import</c> (see <see cref="CsvUploads"/>).</summary>
public static class OfferImport
{
    public static async Task<OfferImportOutcome> SendAsync(
        IHttpClientFactory clients, ILogger logger, string municipality, IFormFile file, CancellationToken ct = default)
    {
        try
        {
            using var response = await CsvUploads.PostAsync(clients, $"api/offer/{Uri.EscapeDataString(municipality)}/services/import", file, "oferta.csv", ct);
            if (response.IsSuccessStatusCode)
            {
                var result = await response.Content.ReadFromJsonAsync<OfferImportView>(CsvUploads.Json, ct);
                return new OfferImportOutcome(ApiOutcome.Ok, result, null, null, []);
            }

            var failure = await CsvUploads.FailureAsync(response, ct);
            return new OfferImportOutcome(failure.Outcome, null, failure.Title, failure.Detail, failure.Errors);
        }
        catch (Exception e) when (CsvUploads.IsUnreachable(e, ct))
        {
            logger.LogWarning(e, "El gateway no respondió a la importación de la oferta de {Municipality}", municipality);
            return new OfferImportOutcome(ApiOutcome.Unavailable, null, null, null, []);
        }
    }
}
