using Boards.BuildingBlocks.Import;

namespace Boards.Needs.Features.Common;

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
