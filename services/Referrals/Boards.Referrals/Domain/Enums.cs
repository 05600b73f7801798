namespace Boards.Referrals.Domain;

public enum ReferralStatus
{
    Requested = 1,
    Accepted,
    Rejected,
    InProgress,
    OnHold,
    Completed,
    Failed,
    Cancelled,
}

public enum Priority
{
    Urgent = 1,
    High,
    Normal,
}

public enum RejectionReason
{
    NoCapacity = 1,
    NotEligible,
    ServiceNotOffered,
    IncompleteInformation,
    Duplicate,
    ReferredElsewhere,
    Other,
}

public enum CancellationReason
{
    NoLongerNeeded = 1,
    PersonDeclined,
    PersonUnreachable,
    Duplicate,
    EnteredInError,
    Other,
}

public enum Outcome
{
    GotHelp = 1,
    PartiallyHelped,
    CouldNotContact,
    NotEligible,
    NoCapacity,
    DeclinedByPerson,
    ReferredElsewhere,
}

public enum Sex
{
    Female = 1,
    Male,
    Other,
}
