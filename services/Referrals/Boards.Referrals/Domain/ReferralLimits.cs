namespace Boards.Referrals.Domain;

/// <summary>
/// The longest text each field of a referral takes: the REST attributes, the proto annotations and the database columns
/// use these numbers (docs/referrals.md lists them).
/// </summary>
public static class ReferralLimits
{
    public const int RequestId = 100;
    public const int RequestOwner = 200;
    public const int Code = 64;
    public const int Id = 64;
    public const int Reason = 2000;
    public const int Name = 200;
    public const int DocumentNumber = 30;
    public const int Date = 10;
    public const int Phone = 40;
    public const int Locality = 200;
    public const int Note = 2000;
    public const int CounterReferralNotes = 4000;
    public const int ServicesDelivered = 50;
    public const int Actor = 200;

    /// <summary>The reason a ministry reader gives to open a full record: long enough to mean something, short enough to read.</summary>
    public const int ReadReasonMin = 10;
    public const int ReadReason = 500;

    /// <summary>How many times a referral may be put on hold: its history stays small enough for any reply to carry.</summary>
    public const int MaxHolds = 20;
}
