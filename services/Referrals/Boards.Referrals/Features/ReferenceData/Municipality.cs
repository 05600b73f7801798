namespace Boards.Referrals.Features.ReferenceData;

/// <summary>A district with a board. Reference data: seeded from data/reference/municipalities.csv, extended by administrators.</summary>
public sealed class Municipality
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public required string Department { get; set; }
    public int DepartmentNumber { get; set; }
    public required string Status { get; set; }
}

public sealed class Institution
{
    public required string Code { get; init; }
    public required string Name { get; set; }
}
