using Boards.Notifications.Features.Announce;
using Boards.Referrals.Contracts.Events;
using Microsoft.Extensions.Options;

namespace Boards.Notifications.Features.Deadlines;

/// <summary>
/// Keeps each referral's deadline chains in step with its events (newest version wins), in one consumer transaction (a
/// message alone, or a batch). The tracked rows of every referral its events name are read together, at the first that
/// is needed.
/// </summary>
public sealed class DeadlineTracker(NotificationsDbContext db, ReferralAnnouncements announcements, IOptions<DeadlineOptions> options, TimeProvider clock)
{
    private readonly HashSet<Guid> _expected = [];

    // Every row read or started in this transaction; null: read, and there is none.
    private readonly Dictionary<Guid, TrackedReferral?> _rows = [];

    private EscalationPolicy Policy => options.Value.Policy;

    /// <summary>An event of this referral will be handled in this transaction: its row is read with the others'.</summary>
    public void Expect(Guid referralId) => _expected.Add(referralId);

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
        var referral = await FindAsync(e.ReferralId, ct);
        if (referral is null)
        {
            referral = TrackedReferral.Start(new ReferralFacts(e.ReferralId, e.MunicipalityCode, e.OriginInstitution,
                e.DestinationMunicipalityCode, e.DestinationInstitution, e.ServiceCode, e.Priority));
            db.TrackedReferrals.Add(referral);
            _rows[e.ReferralId] = referral;
            // Two transactions that start it at once (two replicas, two batches) both insert it: the second fails on the key,
            // and its messages, handled again (alone, after a batch), find the row.
            announcements.FirstSeen(e.ReferralId);
        }

        return referral;
    }

    /// <summary>The row as this transaction has it, or read now with every expected row not read yet (one query).</summary>
    private async Task<TrackedReferral?> FindAsync(Guid referralId, CancellationToken ct)
    {
        if (_rows.TryGetValue(referralId, out var known))
        {
            return known;
        }

        var ids = _expected.Where(id => !_rows.ContainsKey(id)).Append(referralId).Distinct().ToList();
        var found = await db.TrackedReferrals.Where(r => ids.Contains(r.ReferralId)).ToDictionaryAsync(r => r.ReferralId, ct);
        foreach (var id in ids)
        {
            _rows[id] = found.GetValueOrDefault(id);
        }

        return _rows[referralId];
    }
}
