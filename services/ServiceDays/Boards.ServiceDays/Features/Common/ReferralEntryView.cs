namespace Boards.ServiceDays.Features.Common;

/// <summary>
/// A referral entry as the tablet sees it: codes and outcome, never the person. FailureKind (a
/// <see cref="ReferralFailureKind"/>) only while failed.
/// </summary>
public sealed record ReferralEntryView(
    string EntryId, string Status, string? ReferralId, string? Outcome, string? Error, string? FailureKind, int Attempts,
    string OriginInstitution, string DestinationInstitution, string ServiceCode, string NeedCategory, string Priority,
    DateTimeOffset? LastAttemptAt, DateTimeOffset? SentAt)
{
    public static ReferralEntryView From(ReferralEntry entry) => new(
        entry.EntryId, entry.Status.ToString().ToLowerInvariant(), entry.ReferralId, entry.Outcome, entry.Error,
        entry.Status == ReferralEntryStatus.Failed ? entry.FailureKind : null, entry.Attempts,
        entry.OriginInstitution, entry.DestinationInstitution, entry.ServiceCode, entry.NeedCategory, entry.Priority,
        entry.LastAttemptAt, entry.SentAt);
}
