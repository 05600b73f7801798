namespace Boards.Portal.Api;

// Lists the forms choose from: institutions and municipalities (referrals, membership), the offer catalog and need categories (needs).

public sealed record InstitutionView(string Code, string Name);

public sealed record MunicipalityView(string Code, string Name, string Department);

public sealed record OfferedServiceView(string Code, string Name, string? InstitutionCode, string? CapacityStatus);

public sealed record NeedCategoryView(string Code, string Name);
