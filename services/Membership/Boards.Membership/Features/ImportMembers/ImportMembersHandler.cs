using Boards.BuildingBlocks.Import;
using Boards.Membership.Features.Representativity;

namespace Boards.Membership.Features.ImportMembers;

/// <summary>Limits and the size from which an import runs as a background job (configuration section Membership:Import).</summary>
public sealed class MemberImportOptions
{
    public const string Section = "Membership:Import";

    public long MaxBytes { get; set; } = 5 * 1024 * 1024;
    public int MaxRows { get; set; } = 20_000;
    /// <summary>Files with more data rows than this become a job (202 + progress); smaller ones are imported in the request.</summary>
    public int BackgroundThreshold { get; set; } = 500;
    /// <summary>How long a finished job can still be read.</summary>
    public TimeSpan JobRetention { get; set; } = TimeSpan.FromHours(1);
    /// <summary>Jobs queued or running at once; more are refused with 503.</summary>
    public int MaxPendingJobs { get; set; } = 8;
}

public enum ImportPhase
{
    Queued = 1,
    Validating,
    Writing,
    Completed,
    Failed,
}

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
/// <see cref="BoardAccess"/>; a stale expectedVersion is refused as in the other changes.
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
        await store.SaveAsync(ct);
        return new ImportOutcome(total, rows.Count, board.Version, []);
    }

    private static ImportOutcome Failed(int total, long version, List<ImportError> errors) =>
        new(total, 0, version, [.. errors.OrderBy(e => e.Line)]);
}
