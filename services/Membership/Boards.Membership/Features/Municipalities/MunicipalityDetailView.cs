namespace Boards.Membership.Features.Municipalities;

/// <summary>One district as the registry answers it after a read, a registration or a correction.</summary>
public sealed record MunicipalityDetailView(
    string Code, string Name, string Department, int DepartmentNumber, string Status, int? RuralLocalities, bool? HasIndigenousCommunities)
{
    public static MunicipalityDetailView From(Municipality m) =>
        new(m.Code, m.Name, m.Department, m.DepartmentNumber, m.Status, m.RuralLocalities, m.HasIndigenousCommunities);
}
