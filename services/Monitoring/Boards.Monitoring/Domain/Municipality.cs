namespace Boards.Monitoring.Domain;

/// <summary>A municipality of the reference registry, as announced by MunicipalityRegistered (published again on changes).</summary>
public sealed class Municipality
{
    private Municipality()
    {
        Code = "";
        Name = "";
        Department = "";
        Cohort = "";
    }

    public string Code { get; private set; }
    public string Name { get; private set; }
    public string Department { get; private set; }

    /// <summary>National order: 0 Asunción, 1 Concepción … 17 Alto Paraguay.</summary>
    public int DepartmentNumber { get; private set; }

    /// <summary>The programme stage it joined in (MunicipalityRegistered.Status): "pilot-2021", "expansion-2025", …</summary>
    public string Cohort { get; private set; }

    /// <summary>When the registration that is shown happened; an older one arriving late is ignored.</summary>
    public DateTimeOffset RegisteredAt { get; private set; }

    public static Municipality Register(MunicipalityRegistration registration)
    {
        var municipality = new Municipality { Code = registration.Code };
        municipality.Take(registration);
        return municipality;
    }

    /// <summary>Applies a later registration (renamed, moved); returns false when it is older than the one held.</summary>
    public bool Update(MunicipalityRegistration registration)
    {
        if (registration.Code != Code)
        {
            throw new ArgumentException($"The registration is for {registration.Code}, not {Code}.", nameof(registration));
        }

        if (registration.OccurredAt < RegisteredAt)
        {
            return false;
        }

        Take(registration);
        return true;
    }

    private void Take(MunicipalityRegistration registration)
    {
        Name = registration.Name;
        Department = registration.Department;
        DepartmentNumber = registration.DepartmentNumber;
        Cohort = registration.Cohort;
        RegisteredAt = registration.OccurredAt;
    }
}

public sealed record MunicipalityRegistration(
    string Code, string Name, string Department, int DepartmentNumber, DateTimeOffset OccurredAt, string Cohort = "");
