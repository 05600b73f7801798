namespace Boards.BuildingBlocks.Import;

/// <summary>One problem in an imported file: the physical line (1 = the header), the column as the file's header spells it (null for the whole row) and a Spanish message.</summary>
public sealed record ImportError(int Line, string? Column, string Message);
