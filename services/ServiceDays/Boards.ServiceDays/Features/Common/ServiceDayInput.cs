using Boards.BuildingBlocks.Api.Limits;

namespace Boards.ServiceDays.Features.Common;

/// <summary>Create a day, or replace the fields of a planned one. Strings, so that validation names every bad field at once.</summary>
public sealed record ServiceDayInput
{
    [MaxText(ServiceDaysLimits.Code)]
    public string? MunicipalityCode { get; init; }
    /// <summary>Barrio, compañía or community where the day takes place.</summary>
    [MaxText(ServiceDaysLimits.Text)]
    public string? Locality { get; init; }
    /// <summary>"YYYY-MM-DD".</summary>
    [MaxText(ServiceDaysLimits.Date)]
    public string? Date { get; init; }
    [MaxText(ServiceDaysLimits.Text)]
    public string? Venue { get; init; }
    public int? ExpectedAttendance { get; init; }
    [MaxItems(ServiceDaysLimits.Institutions)]
    public IReadOnlyList<ParticipationInput>? Institutions { get; init; }
    /// <summary>On update: the version the caller read (optional).</summary>
    public int? ExpectedVersion { get; init; }
}

/// <summary>A participating institution and the catalog services it brings.</summary>
public sealed record ParticipationInput
{
    [MaxText(ServiceDaysLimits.Code)]
    public string? InstitutionCode { get; init; }
    [MaxItems(ServiceDaysLimits.ServicesPerInstitution), EachMaxText(ServiceDaysLimits.Code)]
    public IReadOnlyList<string?>? Services { get; init; }
}
