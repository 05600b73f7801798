namespace Boards.ServiceDays.Domain;

/// <summary>
/// The longest text and the most elements of each field of a ServiceDays request: the REST attributes, the proto
/// annotations, the validators and the database columns use these numbers (docs/service-days.md lists them).
/// </summary>
public static class ServiceDaysLimits
{
    /// <summary>Municipality, institution, service and need category codes.</summary>
    public const int Code = 64;
    /// <summary>Service day ids (GUIDs, with room).</summary>
    public const int Id = 64;
    /// <summary>The code of a value of a closed list (a day's status, a priority, a sex).</summary>
    public const int Choice = 16;
    /// <summary>"YYYY-MM-DD".</summary>
    public const int Date = 10;
    /// <summary>A day's locality and venue, a person's names and locality, who gave consent.</summary>
    public const int Text = 200;
    /// <summary>A document number as typed (3 to 20 characters once trimmed; Referrals keeps 30).</summary>
    public const int DocumentNumber = 30;
    public const int Phone = 40;
    /// <summary>An attendance batch id, chosen by the tablet.</summary>
    public const int BatchId = 100;
    /// <summary>A referral entry id, chosen by the tablet: Referrals takes request ids of up to 100 characters, "sd:" + the day (32) + ":" + this.</summary>
    public const int EntryId = 60;
    /// <summary>Why a referral entry's delivery failed (<see cref="ReferralFailureKind"/>), as stored; the longest value has 19 characters.</summary>
    public const int FailureKind = 32;
    public const int ReferralReason = 2000;
    public const int CancellationReason = 1000;
    public const int ReportNotes = 4000;
    /// <summary>Institutions taking part in one day, and services one institution brings.</summary>
    public const int Institutions = 50;
    public const int ServicesPerInstitution = 50;
    /// <summary>Entries of one attendance batch / of one referrals request.</summary>
    public const int AttendanceEntries = 1000;
    public const int ReferralEntries = 200;
}
