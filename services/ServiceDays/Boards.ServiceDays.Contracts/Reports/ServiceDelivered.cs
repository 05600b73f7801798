namespace Boards.ServiceDays.Contracts.Reports;

/// <summary>One service of a <see cref="Events.ServiceDayHeld"/>: how many attentions an institution gave with it.</summary>
public sealed record ServiceDelivered
{
    /// <summary>An institution code of data/reference/institutions.csv, e.g. "mspbs".</summary>
    public required string InstitutionCode { get; init; }
    /// <summary>The service code in the municipality's offer catalog (Needs), e.g. "atencion-primaria".</summary>
    public required string ServiceCode { get; init; }
    /// <summary>Attentions given: identified people plus anonymous counts.</summary>
    public required int Attentions { get; init; }
}
