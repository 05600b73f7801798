using Boards.BuildingBlocks.Import;

namespace Boards.Needs.Features.ImportNeeds;

/// <summary>
/// Imports needs into an open assessment round from a CSV file, all or nothing: every row is checked first; only when
/// none has an error are the needs appended with the next numbers in file order and saved with the round's version
/// raised once, in one SaveChanges. The version is a concurrency token, so a change made meanwhile (a need, a ballot,
/// the round closed) makes the import a 409 that writes nothing. Scope as recording a need.
/// </summary>
public sealed class NeedImporter(NeedsDbContext db, RoundStore rounds, TimeProvider clock)
{
    /// <summary>Scope, the round's state and the expected version, checked before the file is read.</summary>
    public async Task<AssessmentRound> EditableRoundAsync(Guid roundId, int? expectedVersion, Caller caller, CancellationToken ct)
    {
        var round = await rounds.LoadForChangeAsync(roundId, caller, ct);
        if (expectedVersion is > 0 && expectedVersion != round.Version)
        {
            throw new ConcurrencyConflictException(
                $"La ronda está en la versión {round.Version} y usted envió {expectedVersion}: vuelva a leerla; no se importó ninguna necesidad.");
        }

        return round;
    }

    public async Task<ImportOutcome<NeedImportResult>> ImportAsync(Guid roundId, int? expectedVersion, CsvTable table, Caller caller, CancellationToken ct)
    {
        var round = await EditableRoundAsync(roundId, expectedVersion, caller, ct);
        var categories = new ImportCategories(await db.Categories.AsNoTracking().ToListAsync(ct));
        var (rows, errors) = NeedImportReader.Read(table, categories);
        if (errors.Count > 0)
        {
            return ImportOutcome<NeedImportResult>.Failed(errors);
        }

        var needs = round.RecordNeeds(rows.Select(r => r.Need), caller.DisplayName, clock.GetUtcNow());
        var added = rows.Zip(needs, (row, need) => new ImportedNeedView(row.Line, need.Id, need.Number)).ToList();
        await rounds.SaveAsync(round, ct,
            "La ronda cambió mientras se importaba el archivo (otra persona registró, votó o la cerró); no se importó ninguna necesidad. Vuelva a leerla y envíe el archivo de nuevo.");

        return ImportOutcome<NeedImportResult>.Done(new NeedImportResult(round.Id, table.Records.Count, added.Count, round.Version, added));
    }
}
