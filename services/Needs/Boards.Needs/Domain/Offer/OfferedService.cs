namespace Boards.Needs.Domain.Offer;

public enum ServiceChannel
{
    Office,
    HealthUnit,
    ServiceDay,
    HomeVisit,
}

public enum CapacityStatus
{
    Available,
    Waitlist,
    Full,
}

public enum WaitlistBand
{
    Under1Month,
    OneTo3Months,
    Over3Months,
}

/// <summary>
/// One service of a municipality's offer catalog: what an institution's program offers there, for which need
/// categories, through which channel, and whether there is capacity now. Version is 1 at creation and grows with every
/// change (it is the concurrency token).
/// </summary>
public sealed class OfferedService
{
    private OfferedService()
    {
    }

    public Guid Id { get; private set; }
    public string MunicipalityCode { get; private set; } = "";
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Program { get; private set; } = "";
    public string InstitutionCode { get; private set; } = "";
    public List<string> Categories { get; private set; } = [];
    public string EligibilitySummary { get; private set; } = "";
    public ServiceChannel Channel { get; private set; }
    public int? MonthlyCapacity { get; private set; }
    public CapacityStatus CapacityStatus { get; private set; }
    /// <summary>Set exactly when CapacityStatus is Waitlist.</summary>
    public WaitlistBand? WaitlistBand { get; private set; }
    public int Version { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    /// <summary>A new entry at version 1. The code is unique within the municipality: the caller checks.</summary>
    public static OfferedService Create(string municipalityCode, string code, ValidOffer offer, string createdBy, DateTimeOffset now)
    {
        var service = new OfferedService { Id = Guid.CreateVersion7(), MunicipalityCode = municipalityCode, Code = code, CreatedAt = now, Version = 1 };
        service.Apply(offer, createdBy, now);
        return service;
    }

    /// <summary>Replaces every field, provided the entry is still at the version the person read.</summary>
    public void Update(int expectedVersion, ValidOffer offer, string updatedBy, DateTimeOffset now)
    {
        EnsureVersion(expectedVersion);
        Apply(offer, updatedBy, now);
        Version++;
    }

    /// <summary>
    /// Changes only the capacity (status, waiting time, monthly places), provided the entry is still at the version the
    /// person read; name, program, institution, categories, eligibility and channel stay as they are.
    /// </summary>
    public void ChangeCapacity(int expectedVersion, ValidCapacity capacity, string updatedBy, DateTimeOffset now)
    {
        EnsureVersion(expectedVersion);
        ApplyCapacity(capacity);
        UpdatedAt = now;
        UpdatedBy = updatedBy;
        Version++;
    }

    /// <summary>Replaces every field unless that would change nothing (no new version then); true when it changed.</summary>
    public bool Replace(ValidOffer offer, string updatedBy, DateTimeOffset now)
    {
        if (Offers(offer))
        {
            return false;
        }

        Apply(offer, updatedBy, now);
        Version++;
        return true;
    }

    /// <summary>True when the entry already says exactly this.</summary>
    public bool Offers(ValidOffer offer) =>
        Name == offer.Name
        && Program == offer.Program
        && InstitutionCode == offer.InstitutionCode
        && Categories.SequenceEqual(offer.Categories, StringComparer.Ordinal)
        && EligibilitySummary == offer.EligibilitySummary
        && Channel == offer.Channel
        && MonthlyCapacity == offer.MonthlyCapacity
        && CapacityStatus == offer.CapacityStatus
        && WaitlistBand == offer.WaitlistBand;

    private void Apply(ValidOffer offer, string updatedBy, DateTimeOffset now)
    {
        Name = offer.Name;
        Program = offer.Program;
        InstitutionCode = offer.InstitutionCode;
        Categories = offer.Categories;
        EligibilitySummary = offer.EligibilitySummary;
        Channel = offer.Channel;
        ApplyCapacity(offer.Capacity);
        UpdatedAt = now;
        UpdatedBy = updatedBy;
    }

    private void ApplyCapacity(ValidCapacity capacity)
    {
        MonthlyCapacity = capacity.MonthlyCapacity;
        CapacityStatus = capacity.Status;
        WaitlistBand = capacity.WaitlistBand;
    }

    private void EnsureVersion(int expectedVersion)
    {
        if (Version != expectedVersion)
        {
            throw new ConcurrencyConflictException(
                $"El servicio '{Code}' está en la versión {Version} y usted envió {expectedVersion}: vuelva a leerlo.");
        }
    }
}
