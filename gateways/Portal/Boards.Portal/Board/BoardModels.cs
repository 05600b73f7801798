namespace Boards.Portal.Board;

// Membership (GET /api/boards/{code}, /members, /focal-points, /sessions, /representativity).

public sealed record BoardView(
    Guid Id, string MunicipalityCode, string ResolutionNumber, DateOnly ResolutionDate, string ChairName, string ChairRole,
    string Status, int ActiveMembers, int VotingMembers, BoardFocalPointView? FocalPoint, long Version);

public sealed record BoardFocalPointView(Guid MemberId, string PersonName, string Organization, DateOnly StartsOn);

public sealed record MemberTerritoryView(string Area, string Locality);

/// <summary>
/// Indigenous and Disability are null when Membership hides them from this user (outside the ministry and the board's
/// municipality, docs/membership.md): a nullable bool, or the whole roster would fail to read. The pages do not show them.
/// </summary>
public sealed record MemberView(
    Guid Id, string PersonName, string Organization, string Sector, string Gender, string AgeBand, MemberTerritoryView? Territory,
    bool? Indigenous, bool? Disability, string Position, bool Voting, DateOnly DesignatedOn, DateOnly? CeasedOn, string? CeaseReason, bool Active,
    string? Account = null);

/// <summary>
/// One focal point term. Access is what the identity provider did with the term's account (pending, granted,
/// no_account, failed, revoked, superseded); AccessDetail says why when it failed (hidden from those outside the scope).
/// </summary>
public sealed record FocalPointTermView(
    Guid Id, Guid MemberId, string PersonName, string Organization, DateOnly StartsOn, DateOnly? EndsOn, bool Current,
    string? Account = null, string Access = "pending", string? AccessDetail = null, DateTimeOffset? AccessUpdatedAt = null);

/// <summary>What Membership answers to an appointment: the new term and the board's new version.</summary>
public sealed record FocalPointChangeView(FocalPointTermView Term, long BoardVersion);

public sealed record AgreementView(Guid Id, string What, string ResponsibleInstitution, DateOnly DueOn, string Status, DateTimeOffset StatusChangedAt);

/// <summary>A session as Membership answers it; QuorumFraction is the rule it was counted with (more than that share of the voting members).</summary>
public sealed record SessionView(
    Guid Id, DateOnly Date, string Agenda, string Minutes, string Status, IReadOnlyList<Guid> Attendees, int VotingMembers, int VotingPresent,
    decimal QuorumFraction, int QuorumRequired, bool QuorumReached, IReadOnlyList<AgreementView> Agreements, long Version,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset UpdatedAt);

public sealed record ComponentInputView(string Name, string Label, string Value);

public sealed record RepresentativityComponentView(
    string Kind, string Label, string Formula, bool Applicable, decimal Value, decimal SubScore, decimal PolicyWeight, decimal Weight,
    decimal Contribution, IReadOnlyList<ComponentInputView> Inputs);

public sealed record RepresentativityAssessmentView(
    string Basis, int PolicyVersion, decimal Score, int SessionsConsidered, IReadOnlyList<RepresentativityComponentView> Components,
    IReadOnlyList<string> Flags, IReadOnlyList<string> Gaps);

public sealed record BoardRepresentativityView(int PolicyVersion, DateTimeOffset AssessedAt, RepresentativityAssessmentView Assessment);

/// <summary>What Membership answers to a change of the roster: the member as it is now and the board's new version.</summary>
public sealed record MemberChangeView(MemberView Member, long BoardVersion);
