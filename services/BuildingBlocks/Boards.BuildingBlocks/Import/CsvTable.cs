namespace Boards.BuildingBlocks.Import;

/// <summary>One record of the file: the physical line it starts on and its fields (trimmed of unquoted whitespace).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>A parsed file: the separator found in the header, the header, the records and the errors of the file's form.</summary>
public sealed record CsvTable(char Separator, int HeaderLine, IReadOnlyList<string> Header, IReadOnlyList<CsvRecord> Records, IReadOnlyList<ImportError> Errors, bool TooManyRows);
