namespace Boards.ServiceDays.Domain;

/// <summary>
/// Why the last delivery of a referral entry failed (failureKind), so that a tablet knows what to do without reading the
/// Spanish error: wait and send it again, or correct it first (<see cref="ReferralEntry.Correct"/>).
/// </summary>
public static class ReferralFailureKind
{
    /// <summary>The referrals service was not reached, did not answer in time, or did not take the account: send it again later as it is.</summary>
    public const string Unreachable = "unreachable";

    /// <summary>The referrals service refused the entry (a field, a code, the scope): the same content will be refused again.</summary>
    public const string Refused = "refused";

    /// <summary>The destination no longer offers the service: choose another service or destination.</summary>
    public const string ServiceNotOffered = "service_not_offered";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Unreachable, Refused, ServiceNotOffered };

    /// <summary>Refusals of the content itself: resending it unchanged cannot help, a correction under the same entry id can.</summary>
    public static bool NeedsCorrection(string? kind) => kind is Refused or ServiceNotOffered;
}
