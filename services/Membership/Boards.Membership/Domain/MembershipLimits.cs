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
    /// <summary>An integrator client's name (at least 3 characters).</summary>
    public const int IntegratorName = 100;
    public const int IntegratorNameMinimum = 3;
    /// <summary>An integrator client's id in the identity provider ("int-{institution}-{8 letters}").</summary>
    public const int IntegratorClientId = 80;
    /// <summary>One API area of an integrator client ("service-days"), and how many it may hold.</summary>
    public const int IntegratorArea = 20;
    public const int IntegratorAreas = 6;
    /// <summary>Why an integrator client was revoked (at least 10 characters).</summary>
    public const int IntegratorRevokeReason = 500;
    public const int IntegratorRevokeReasonMinimum = 10;
    /// <summary>An integrator client's requests per second at the gateway.</summary>
    public const int IntegratorRateLimitMinimum = 1;
    public const int IntegratorRateLimitMaximum = 1000;
    /// <summary>A line of an integrator client's audit trail (what failed, for example).</summary>
    public const int IntegratorChangeDetail = 1000;
    /// <summary>Who did something: a user name from the token.</summary>
    public const int Actor = 200;
    /// <summary>Rural localities of a municipality (its context).</summary>
    public const int MaxRuralLocalities = 10_000;
}
