namespace Boards.Membership.Domain;

/// <summary>
/// A district that may have a board. Membership is the registry of record: rows come from Seed/municipalities.csv
/// (copied from data/reference) and from ministry administrators (POST /api/municipalities). Every new or changed row
/// is announced as MunicipalityRegistered.
/// </summary>
public sealed class Municipality
{
    // The properties are set once by an initializer (seeding, registration, tests); every later change goes through
    // the methods below, which write these fields (EF Core reads and writes them too).
    private string _name = "";
    private string _department = "";
    private int _departmentNumber;
    private string _status = "";
    private int? _ruralLocalities;
    private bool? _hasIndigenousCommunities;
    private DateTimeOffset? _contextUpdatedAt;
    private string? _contextUpdatedBy;

    public required string Code { get; init; }
    public required string Name { get => _name; init => _name = value; }
    public required string Department { get => _department; init => _department = value; }
    public int DepartmentNumber { get => _departmentNumber; init => _departmentNumber = value; }
    public required string Status { get => _status; init => _status = value; }

    /// <summary>Rural localities (compañías, colonias) of the district; null = unknown, treated as 0 (territorial coverage not applicable).</summary>
    public int? RuralLocalities { get => _ruralLocalities; init => _ruralLocalities = value; }

    /// <summary>Whether indigenous communities live in the district; null = unknown, treated as no (no indigenous requirement).</summary>
    public bool? HasIndigenousCommunities { get => _hasIndigenousCommunities; init => _hasIndigenousCommunities = value; }

    public DateTimeOffset? ContextUpdatedAt { get => _contextUpdatedAt; init => _contextUpdatedAt = value; }

    public string? ContextUpdatedBy { get => _contextUpdatedBy; init => _contextUpdatedBy = value; }

    /// <summary>Takes the name, department and program stage given; false when they are the ones it already has.</summary>
    public bool UpdateRegistration(string name, string department, int departmentNumber, string status)
    {
        if (_name == name && _department == department && _departmentNumber == departmentNumber && _status == status)
        {
            return false;
        }

        _name = name;
        _department = department;
        _departmentNumber = departmentNumber;
        _status = status;
        return true;
    }

    /// <summary>What the representativity score needs to know about the district (null = unknown), and who said so when.</summary>
    public void SetContext(int? ruralLocalities, bool? hasIndigenousCommunities, string actor, DateTimeOffset now)
    {
        _ruralLocalities = ruralLocalities;
        _hasIndigenousCommunities = hasIndigenousCommunities;
        _contextUpdatedAt = now;
        _contextUpdatedBy = actor;
    }
}
