using Boards.BuildingBlocks.ReferenceData;
using Boards.Notifications.Features.Announce;
using Boards.Notifications.Features.Deadlines;
using Microsoft.Extensions.Options;

namespace Boards.Notifications.Features.ReferralEvents;

/// <summary>
/// What the referral events of one consumer transaction share: a message alone, or a batch of them (docs/messaging.md,
/// "Batches"). One deadline tracker reads the tracked rows of every referral the batch names in one query; one announcer
/// knows which announcement keys the batch wrote and which it looked up (in one query for the whole batch), and which
/// referrals are new; one set of names. Kept on the transaction's context, so every handler of a batch finds the same.
/// </summary>
public sealed class ReferralEventWork(ReferralAnnouncements announcements, DeadlineTracker deadlines)
{
    public ReferralAnnouncements Announcements { get; } = announcements;

    public DeadlineTracker Deadlines { get; } = deadlines;
}

/// <summary>Makes each consumer transaction's <see cref="ReferralEventWork"/>, or finds the one it has.</summary>
public sealed class ReferralEventWorks(Institutions institutions, MunicipalityNames municipalities, IOptions<DeadlineOptions> deadlines, TimeProvider clock)
{
    public ReferralEventWork For(NotificationsDbContext db) => db.Kept(() =>
    {
        var announcements = new ReferralAnnouncements(new Announcer(db, clock), new Names(db, institutions, municipalities));
        return new ReferralEventWork(announcements, new DeadlineTracker(db, announcements, deadlines, clock));
    });
}
