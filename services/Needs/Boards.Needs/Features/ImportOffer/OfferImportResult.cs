namespace Boards.Needs.Features.ImportOffer;

/// <summary>A catalog import that was written: rows read, services created (version 1), replaced (version + 1) and unchanged.</summary>
public sealed record OfferImportResult(string MunicipalityCode, int Rows, int Created, int Updated, int Unchanged, IReadOnlyList<ImportedServiceView> Services);

/// <summary>One service of the file: its code, what happened to it and its version afterwards.</summary>
public sealed record ImportedServiceView(int Line, string Code, string Outcome, int Version);
