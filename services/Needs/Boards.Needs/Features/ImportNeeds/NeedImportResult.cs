namespace Boards.Needs.Features.ImportNeeds;

/// <summary>A needs import that was written: rows read, the needs added in file order, and the round's version afterwards.</summary>
public sealed record NeedImportResult(Guid RoundId, int Rows, int Added, int RoundVersion, IReadOnlyList<ImportedNeedView> Needs);

/// <summary>One need added: the line it came from, its id and its number in the round.</summary>
public sealed record ImportedNeedView(int Line, Guid Id, int Number);
