namespace Boards.Portal.Api;

// The gateway's REST JSON (camelCase; enum values are the snake_case codes of DOMAIN.md, kept here as strings).

public sealed record ReferralPage(IReadOnlyList<ReferralView> Referrals, string? NextPageToken, int TotalCount);

public sealed record ReferralView
{
    public Guid Id { get; init; }
    public string Status { get; init; } = "";
    public string Priority { get; init; } = "";
    public string MunicipalityCode { get; init; } = "";
    public string DestinationMunicipalityCode { get; init; } = "";
    public string OriginInstitution { get; init; } = "";
    public string DestinationInstitution { get; init; } = "";
    public string ServiceCode { get; init; } = "";
    public string NeedCategory { get; init; } = "";
    public string Reason { get; init; } = "";
    public PersonView Person { get; init; } = new();
    public ConsentView Consent { get; init; } = new();
    public DateTimeOffset CreatedAt { get; init; }
    public string CreatedBy { get; init; } = "";
    public DateTimeOffset AcceptBy { get; init; }
    public DateTimeOffset? CounterReferBy { get; init; }
    public bool Overdue { get; init; }
    public bool DueSoon { get; init; }
    public RejectionView? Rejection { get; init; }
    public CancellationView? Cancellation { get; init; }
    public CounterReferralView? CounterReferral { get; init; }
    public IReadOnlyList<StatusChangeView> History { get; init; } = [];
    public long Version { get; init; }
    public Guid? PreviousReferralId { get; init; }
    public AvailabilityView? Availability { get; init; }

    public bool IsFinal => Status is "rejected" or "completed" or "failed" or "cancelled";

    /// <summary>The deadline that runs now: to accept while requested, then to counter-refer.</summary>
    public DateTimeOffset? CurrentDeadline => Status switch
    {
        "requested" => AcceptBy,
        "accepted" or "in_progress" or "on_hold" => CounterReferBy,
        _ => null,
    };
}

public sealed record PersonView
{
    public string? DocumentNumber { get; init; }
    public bool NoDocument { get; init; }
    public string GivenNames { get; init; } = "";
    public string FamilyNames { get; init; } = "";
    public string? BirthDate { get; init; }
    public string? Sex { get; init; }
    public string? Phone { get; init; }
    public string? Locality { get; init; }
}

public sealed record ConsentView
{
    public bool Given { get; init; }
    public string? GivenBy { get; init; }
    public bool Overridden { get; init; }
    public string? OverrideJustification { get; init; }
}

public sealed record RejectionView(string Reason, string? Note, string Actor, DateTimeOffset At);

public sealed record CancellationView(string Reason, string? Note, string Actor, DateTimeOffset At);

public sealed record CounterReferralView
{
    public bool Attended { get; init; }
    public string? AttendedOn { get; init; }
    public IReadOnlyList<string> ServicesDelivered { get; init; } = [];
    public string? Outcome { get; init; }
    public string? Notes { get; init; }
    public bool FollowUpRecommended { get; init; }
    public string? FollowUpNote { get; init; }
}

public sealed record StatusChangeView(string? From, string To, string Actor, DateTimeOffset At, string? Note);

public sealed record AvailabilityView
{
    public string Verification { get; init; } = "";
    public string? CapacityStatus { get; init; }
    public string? WaitlistBand { get; init; }
    public bool Waitlisted { get; init; }
    public string Message { get; init; } = "";
    public DateTimeOffset CheckedAt { get; init; }
}

public sealed record InstitutionView(string Code, string Name);

public sealed record MunicipalityView(string Code, string Name, string Department);

public sealed record OfferedServiceView(string Code, string Name, string? InstitutionCode, string? CapacityStatus);

public sealed record NeedCategoryView(string Code, string Name);

/// <summary>Body of POST /api/referrals (CreateReferralCommand in the referrals service).</summary>
public sealed record CreateReferralRequest
{
    public string? RequestId { get; init; }
    public string? MunicipalityCode { get; init; }
    public string? DestinationMunicipalityCode { get; init; }
    public string? OriginInstitution { get; init; }
    public string? DestinationInstitution { get; init; }
    public string? ServiceCode { get; init; }
    public string? NeedCategory { get; init; }
    public string? Priority { get; init; }
    public string? Reason { get; init; }
    public PersonInput? Person { get; init; }
    public ConsentInput? Consent { get; init; }
}

public sealed record PersonInput
{
    public string? DocumentNumber { get; init; }
    public bool NoDocument { get; init; }
    public string? GivenNames { get; init; }
    public string? FamilyNames { get; init; }
    public string? BirthDate { get; init; }
    public string? Sex { get; init; }
    public string? Phone { get; init; }
    public string? Locality { get; init; }
}

public sealed record ConsentInput
{
    public bool Given { get; init; }
    public string? GivenBy { get; init; }
    public bool Overridden { get; init; }
    public string? OverrideJustification { get; init; }
}

// Monitoring's municipality summary (GET /api/monitoring/municipalities[/{code}]); see docs/monitoring.md, "Shapes".

public sealed record MunicipalitySummaryView
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string Department { get; init; } = "";
    public ReferralCountsView Referrals { get; init; } = new();
    public double? ClosedLoopRate { get; init; }
    public double? MedianDaysToAccept { get; init; }
    public double? MedianDaysToCounterReferral { get; init; }
    public RepresentativityView? Representativity { get; init; }
    public RepresentativityView? AttendanceRepresentativity { get; init; }
    public GapsView? Gaps { get; init; }
    public ServiceDaysView? ServiceDays { get; init; }
    public PlanView? Plan { get; init; }

    /// <summary>The largest gap (Needs' top category with unmet demand), if any.</summary>
    public CategoryGapView? TopGap => Gaps?.Top.FirstOrDefault();
}

public sealed record ReferralCountsView
{
    public int Sent { get; init; }
    public int Open { get; init; }
    public int Accepted { get; init; }
    public int Rejected { get; init; }
    public int Completed { get; init; }
    public int Failed { get; init; }
    public int Cancelled { get; init; }
    public int Overdue { get; init; }
}

public sealed record RepresentativityView
{
    public decimal Score { get; init; }
    public int PolicyVersion { get; init; }
    public IReadOnlyList<string> Gaps { get; init; } = [];
    public DateTimeOffset AssessedAt { get; init; }
}

public sealed record GapsView
{
    public DateTimeOffset ComputedAt { get; init; }
    public string Trigger { get; init; } = "";
    public string? Period { get; init; }
    public IReadOnlyList<CategoryGapView> Top { get; init; } = [];
}

public sealed record CategoryGapView
{
    public string Category { get; init; } = "";
    public string CategoryName { get; init; } = "";
    public int PeopleAffected { get; init; }
    public int Demand { get; init; }
    public int OfferCapacity { get; init; }
    public double? CoverageRatio { get; init; }
    public int UnmetDemand { get; init; }
    public int RejectedNoCapacity { get; init; }
    public int RejectedNotOffered { get; init; }
    public int CounterReferredNoCapacity { get; init; }
}

public sealed record ServiceDaysView
{
    public int Held { get; init; }
    public int PeopleServed { get; init; }
    public int ReferralsMade { get; init; }
    public DateOnly LastHeldOn { get; init; }
    public RecentServiceDaysView Last90Days { get; init; } = new();
}

public sealed record RecentServiceDaysView
{
    public DateOnly Since { get; init; }
    public int Held { get; init; }
    public int PeopleServed { get; init; }
    public int ReferralsMade { get; init; }
}

public sealed record PlanView
{
    public int Year { get; init; }
    public int? Version { get; init; }
    public decimal Progress { get; init; }
    public int ActionCount { get; init; }
    public int OverdueActions { get; init; }
    public int DoneActions { get; init; }
    public DateTimeOffset? ApprovedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

// Membership (GET /api/boards/{code}, /members, /focal-points, /sessions, /representativity).

public sealed record BoardView(
    Guid Id, string MunicipalityCode, string ResolutionNumber, DateOnly ResolutionDate, string ChairName, string ChairRole,
    string Status, int ActiveMembers, int VotingMembers, BoardFocalPointView? FocalPoint, long Version);

public sealed record BoardFocalPointView(Guid MemberId, string PersonName, string Organization, DateOnly StartsOn);

public sealed record MemberTerritoryView(string Area, string Locality);

public sealed record MemberView(
    Guid Id, string PersonName, string Organization, string Sector, string Gender, string AgeBand, MemberTerritoryView? Territory,
    bool Indigenous, bool Disability, string Position, bool Voting, DateOnly DesignatedOn, DateOnly? CeasedOn, string? CeaseReason, bool Active);

public sealed record FocalPointTermView(
    Guid Id, Guid MemberId, string PersonName, string Organization, DateOnly StartsOn, DateOnly? EndsOn, bool Current);

public sealed record AgreementView(Guid Id, string What, string ResponsibleInstitution, DateOnly DueOn, string Status);

public sealed record SessionView(
    Guid Id, DateOnly Date, string Agenda, string Status, IReadOnlyList<Guid> Attendees, int VotingMembers, int VotingPresent,
    int QuorumRequired, bool QuorumReached, IReadOnlyList<AgreementView> Agreements);

public sealed record ComponentInputView(string Name, string Label, string Value);

public sealed record RepresentativityComponentView(
    string Kind, string Label, string Formula, bool Applicable, decimal Value, decimal SubScore, decimal PolicyWeight, decimal Weight,
    decimal Contribution, IReadOnlyList<ComponentInputView> Inputs);

public sealed record RepresentativityAssessmentView(
    string Basis, int PolicyVersion, decimal Score, int SessionsConsidered, IReadOnlyList<RepresentativityComponentView> Components,
    IReadOnlyList<string> Flags, IReadOnlyList<string> Gaps);

public sealed record BoardRepresentativityView(int PolicyVersion, DateTimeOffset AssessedAt, RepresentativityAssessmentView Assessment);

// Planning (GET /api/plans?municipality=&year=, GET /api/plans/{id}).

public sealed record PlanSummaryItemView(Guid Id, string MunicipalityCode, int Year, string Title, string Status, int Version, decimal Progress);

public sealed record PlanNeedView(Guid NeedId, int? Rank, string? Category, string? Locality, string? Period, int? PeopleAffected);

public sealed record PlanActionView(
    Guid Id, int Number, string Title, string Horizon, string HorizonLabel, string ResponsibleInstitution, string ResponsibleInstitutionName,
    DateOnly StartsOn, DateOnly EndsOn, long Budget, decimal Weight, string Status, string StatusLabel, decimal Progress, bool Overdue);

public sealed record PlanObjectiveView(
    Guid Id, int Number, string Title, string? Description, decimal Weight, decimal? Progress, bool ExcludedFromPlan,
    decimal CountedActionWeight, IReadOnlyList<PlanNeedView> Needs, IReadOnlyList<PlanActionView> Actions);

public sealed record PlanDetailView(
    Guid Id, string MunicipalityCode, string MunicipalityName, int Year, string Title, string Status, int Version, int? ApprovedVersion,
    DateTimeOffset? ApprovedAt, decimal Progress, string RollupRule, decimal CountedObjectiveWeight, int ActionCount, int OverdueActions,
    int DoneActions, DateOnly AsOf, IReadOnlyList<PlanObjectiveView> Objectives);
