using Boards.BuildingBlocks.ReferenceData;
using Boards.BuildingBlocks.Import;
using Boards.BuildingBlocks.Outbox;

namespace Boards.Needs.Features.ImportOffer;

/// <summary>
/// Imports a municipality's offer catalog from a CSV file, all or nothing: every row is checked first; only when none
/// has an error is each service created (version 1) or replaced (version + 1), with ServiceOfferChanged in the outbox
/// for each, in one SaveChanges (one transaction). A row identical to the current entry is left alone. Scope as editing
/// the catalog (<see cref="MunicipalityAccess.EnsureCanEdit"/>).
/// </summary>
public sealed class OfferImporter(NeedsDbContext db, Institutions institutions, TimeProvider clock)
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Unchanged = "unchanged";

    /// <summary>Scope and existence, checked before the file is read so that a refused caller learns it first.</summary>
    public async Task<string> EnsureCanImportAsync(string? municipalityCode, Caller caller, CancellationToken ct)
    {
        var municipality = municipalityCode?.Trim().ToLowerInvariant() ?? "";
        if (municipality.Length == 0)
        {
            throw ValidationFailedException.For("municipalityCode", "Indique el código del municipio.");
        }

        MunicipalityAccess.EnsureCanEdit(caller, municipality);
        if (!await db.Municipalities.AnyAsync(m => m.Code == municipality, ct))
        {
            throw new NotFoundException($"El municipio '{municipality}' no está registrado.");
        }

        return municipality;
    }

    public async Task<ImportOutcome<OfferImportResult>> ImportAsync(string municipalityCode, CsvTable table, Caller caller, CancellationToken ct)
    {
        var municipality = await EnsureCanImportAsync(municipalityCode, caller, ct);
        var categories = new ImportCategories(await db.Categories.AsNoTracking().ToListAsync(ct));
        var (rows, errors) = OfferImportReader.Read(table, categories, institutions.Contains);
        if (errors.Count > 0)
        {
            return ImportOutcome<OfferImportResult>.Failed(errors);
        }

        var existing = await db.Services.Where(s => s.MunicipalityCode == municipality).ToDictionaryAsync(s => s.Code, StringComparer.Ordinal, ct);
        var now = clock.GetUtcNow();
        var services = new List<ImportedServiceView>();
        foreach (var row in rows)
        {
            string outcome;
            if (!existing.TryGetValue(row.Code, out var service))
            {
                service = OfferedService.Create(municipality, row.Code, row.Offer, caller.DisplayName, now);
                db.Services.Add(service);
                outcome = Created;
            }
            else if (service.Replace(row.Offer, caller.DisplayName, now))
            {
                outcome = Updated;
            }
            else
            {
                services.Add(new ImportedServiceView(row.Line, row.Code, Unchanged, service.Version));
                continue;
            }

            db.AddToOutbox(OfferEvents.Changed(service), clock);
            services.Add(new ImportedServiceView(row.Line, row.Code, outcome, service.Version));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Exception exception) when (exception is DbUpdateConcurrencyException
                                          || (exception is DbUpdateException && PostgresErrors.IsUniqueViolation(exception)))
        {
            // Someone changed or added a service of this catalog while the file was being imported: nothing was written.
            db.ChangeTracker.Clear();
            throw new ConcurrencyConflictException(
                $"La oferta de '{municipality}' cambió mientras se importaba el archivo; no se importó ningún servicio. Vuelva a enviar el archivo.");
        }

        return ImportOutcome<OfferImportResult>.Done(new OfferImportResult(
            municipality, table.Records.Count,
            services.Count(s => s.Outcome == Created), services.Count(s => s.Outcome == Updated), services.Count(s => s.Outcome == Unchanged),
            services));
    }
}
