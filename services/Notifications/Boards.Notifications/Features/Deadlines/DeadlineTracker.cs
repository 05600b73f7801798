using Boards.Notifications.Features.Announce;
using Boards.Referrals.Contracts.Events;
using Microsoft.Extensions.Options;

namespace Boards.Notifications.Features.Deadlines;

/// <summary>Keeps each referral's deadline chains in step with its events (newest version wins).</summary>
public sealed class DeadlineTracker(NotificationsDbContext db, ReferralAnnouncements announcements, IOptions<DeadlineOptions> options, TimeProvider clock)
{
    private EscalationPolicy Policy => options.Value.Policy;

    /// <summary>False when a newer event of the referral came first (it was already answered): nothing to announce.</summary>
    public Task<bool> RequestedAsync(ReferralRequested e, CancellationToken ct) =>
        ChangeAsync(e, referral => referral.Accept.Open(e.AcceptBy, Policy, clock.GetUtcNow()), ct);

    public Task AcceptedAsync(ReferralAccepted e, CancellationToken ct) => ChangeAsync(e, referral =>
    {
        referral.Accept.Close();
        referral.CounterReferral.Open(e.CounterReferBy, Policy, clock.GetUtcNow());
    }, ct);

    /// <summary>Rejected, counter-referred or cancelled: nothing is due any more.</summary>
    public Task ClosedAsync(ReferralEvent e, CancellationToken ct) => ChangeAsync(e, referral => referral.CloseAll(), ct);

    /// <summary>Referrals says a deadline passed: the officers hear it now (once: the sweep gives the same key).</summary>
    public async Task OverdueAsync(ReferralOverdue e, CancellationToken ct)
    {
        var referral = await FindOrStartAsync(e, ct);
        if (referral.Status is "requested" or "accepted" or "in_progress" or "on_hold" or "" && referral.Track(e.Deadline).TakeOverdue(e.DueAt, Policy))
        {
            await announcements.DeadlineStepAsync(referral, e.Deadline, EscalationStep.Overdue, e.DueAt, ct);
        }
    }

    private async Task<bool> ChangeAsync(ReferralEvent e, Action<TrackedReferral> change, CancellationToken ct)
    {
        var referral = await FindOrStartAsync(e, ct);
        if (!referral.Advance(e.Version, e.Status))
        {
            return false;
        }

        change(referral);
        return true;
    }

    private async Task<TrackedReferral> FindOrStartAsync(ReferralEvent e, CancellationToken ct)
    {
        var referral = await db.TrackedReferrals.FindAsync([e.ReferralId], ct);
        if (referral is null)
        {
            referral = TrackedReferral.Start(new ReferralFacts(e.ReferralId, e.MunicipalityCode, e.OriginInstitution,
                e.DestinationMunicipalityCode, e.DestinationInstitution, e.ServiceCode, e.Priority));
            db.TrackedReferrals.Add(referral);
            // Two first deliveries at once both start it: the second commit fails on the key, and its retry finds the row.
            announcements.FirstSeen(e.ReferralId);
        }

        return referral;
    }
}
