namespace Boards.Membership.Domain;

/// <summary>
/// The longest text, the most elements and the range of each field of a Membership request: the REST attributes, the
/// proto annotations, the validators and the database columns use these numbers (docs/membership.md lists them).
/// </summary>
public static class MembershipLimits
{
    /// <summary>Municipality and institution codes.</summary>
    public const int Code = 64;
    /// <summary>Membership, session and agreement ids (GUIDs, with room).</summary>
    public const int Id = 64;
    /// <summary>"YYYY-MM-DD".</summary>
    public const int Date = 10;
    public const int ResolutionNumber = 100;
    /// <summary>People's names, organizations, localities, the chair and district names.</summary>
    public const int Name = 200;
    public const int Department = 100;
    /// <summary>A district's programme stage ("expansion-2026").</summary>
    public const int MunicipalityStatus = 40;
    /// <summary>A user name in the identity provider.</summary>
    public const int Account = 100;
    public const int CeaseReason = 1000;
    public const int Agenda = 4000;
    public const int Minutes = 20000;
    public const int AgreementWhat = 2000;
    /// <summary>Members present at one session.</summary>
    public const int Attendees = 200;
    /// <summary>Agreements recorded with one session.</summary>
    public const int Agreements = 100;
    /// <summary>Sectors named in one list of the representativity policy.</summary>
    public const int PolicySectors = 20;
    /// <summary>Rural localities of a municipality (its context).</summary>
    public const int MaxRuralLocalities = 10_000;
}
