using Boards.BuildingBlocks.Import;
using Boards.Membership.Features.Representativity;

namespace Boards.Membership.Features.ImportMembers;

/// <summary>Where an import is: the phase and, while validating, how many rows have been checked.</summary>
public sealed record ImportProgress(ImportPhase Phase, int ProcessedRows, int TotalRows);

/// <summary>The result: either every row added (Added, BoardVersion) or nothing written and every error.</summary>
public sealed record ImportOutcome(int TotalRows, int Added, long BoardVersion, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Imports a parsed file into one board, all or nothing: validates every row, and only when no row has an error adds
/// every member through <see cref="Board.AddMember"/> and saves once (one transaction). Scope is the edit scope of
/// <see cref="BoardAccess"/>; a stale expectedVersion is refused as in the other changes. A background job prepares
/// the change and saves it together with the job's own end (<see cref="MemberImportRunner"/>).
/// </summary>
public sealed class ImportMembersHandler(BoardStore store, TimeProvider clock, RepresentativityRecorder representativity)
{
    private const int ReportEvery = 50;

    /// <summary>The checks a job needs before it is accepted: the caller may edit the board, and the board exists.</summary>
    public async Task<string> EnsureCanImportAsync(string? municipalityCode, Caller caller, CancellationToken ct)
    {
        var code = Input.MunicipalityCode(municipalityCode);
        BoardAccess.EnsureCanEdit(caller, code);
        if (!await store.Db.Boards.AnyAsync(b => b.MunicipalityCode == code, ct))
        {
            throw new NotFoundException($"El municipio '{code}' no tiene una mesa registrada.");
        }

        return code;
    }

    public async Task<ImportOutcome> HandleAsync(
        string? municipalityCode, CsvTable table, long expectedVersion, Caller caller, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var outcome = await PrepareAsync(municipalityCode, table, expectedVersion, caller, progress, ct);
        if (outcome.Succeeded)
        {
            await store.SaveAsync(ct);
        }

        return outcome;
    }

    /// <summary>
    /// Everything but the save: when the outcome succeeded, the members and the assessment wait in the store's context
    /// for one <see cref="BoardStore.SaveAsync"/>; when it failed, the context holds nothing of the import.
    /// </summary>
    public async Task<ImportOutcome> PrepareAsync(
        string? municipalityCode, CsvTable table, long expectedVersion, Caller caller, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var total = table.Records.Count;
        var board = await store.LoadForChangeAsync(municipalityCode, expectedVersion, caller, ct);
        var now = clock.GetUtcNow();
        var versionBefore = board.Version;

        progress?.Report(new ImportProgress(ImportPhase.Validating, 0, total));
        var (rows, errors) = MemberImportValidator.Validate(table, board.ActiveMembers, now, validated =>
        {
            if (validated % ReportEvery == 0 || validated == total)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report(new ImportProgress(ImportPhase.Validating, validated, total));
            }
        });

        if (errors.Count > 0)
        {
            return Failed(total, versionBefore, errors);
        }

        progress?.Report(new ImportProgress(ImportPhase.Writing, total, total));
        foreach (var row in rows)
        {
            try
            {
                board.AddMember(row.Member, caller.DisplayName, now);
            }
            catch (Exception exception) when (exception is DomainValidationException or BoardRuleException)
            {
                // The validator mirrors the board's rules; should they ever differ, the board has the last word.
                errors.Add(new ImportError(row.Line, null, exception.Message));
            }
        }

        if (errors.Count > 0)
        {
            store.Db.ChangeTracker.Clear();
            return Failed(total, versionBefore, errors);
        }

        // One assessment for the whole import, in the same SaveChanges (one transaction) as the members.
        await representativity.RecordAsync(board, ct);
        return new ImportOutcome(total, rows.Count, board.Version, []);
    }

    private static ImportOutcome Failed(int total, long version, List<ImportError> errors) =>
        new(total, 0, version, [.. errors.OrderBy(e => e.Line)]);
}
