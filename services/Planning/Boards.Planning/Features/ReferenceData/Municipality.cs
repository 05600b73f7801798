namespace Boards.Planning.Features.ReferenceData;

/// <summary>
/// A district with a board: a local replica of Membership's registry, to validate plans and name the
/// municipality in messages. Fed by MunicipalityRegistered; the shipped CSV is only a boot snapshot (RegisteredAt null).
/// </summary>
public sealed class Municipality
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public required string Department { get; set; }
    public int DepartmentNumber { get; set; }
    public required string Status { get; set; }

    /// <summary>OccurredAt of the announcement this row reflects; null while it holds only the boot snapshot.</summary>
    public DateTimeOffset? RegisteredAt { get; set; }
}
