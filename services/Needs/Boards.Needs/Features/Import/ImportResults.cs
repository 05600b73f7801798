using Boards.BuildingBlocks.Import;

namespace Boards.Needs.Features.Import;

/// <summary>Limits of an import file (both kinds): larger files are refused whole, nothing is written.</summary>
public static class ImportLimits
{
    public const int MaxRows = 2000;
    public const long MaxBytes = 2 * 1024 * 1024;
}

/// <summary>
/// The outcome of reading and checking a file: when Errors is not empty nothing was written and Result is null.
/// </summary>
public sealed record ImportOutcome<T>(T? Result, IReadOnlyList<ImportError> Errors) where T : class
{
    public bool Succeeded => Errors.Count == 0;

    public static ImportOutcome<T> Done(T result) => new(result, []);

    public static ImportOutcome<T> Failed(IEnumerable<ImportError> errors) => new(null, [.. errors.OrderBy(e => e.Line)]);
}

/// <summary>A catalog import that was written: rows read, services created (version 1), replaced (version + 1) and unchanged.</summary>
public sealed record OfferImportResult(string MunicipalityCode, int Rows, int Created, int Updated, int Unchanged, IReadOnlyList<ImportedServiceView> Services);

/// <summary>One service of the file: its code, what happened to it and its version afterwards.</summary>
public sealed record ImportedServiceView(int Line, string Code, string Outcome, int Version);

/// <summary>A needs import that was written: rows read, the needs added in file order, and the round's version afterwards.</summary>
public sealed record NeedImportResult(Guid RoundId, int Rows, int Added, int RoundVersion, IReadOnlyList<ImportedNeedView> Needs);

/// <summary>One need added: the line it came from, its id and its number in the round.</summary>
public sealed record ImportedNeedView(int Line, Guid Id, int Number);
