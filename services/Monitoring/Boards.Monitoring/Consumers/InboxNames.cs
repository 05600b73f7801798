using Boards.Membership.Contracts.Events;
using Boards.Needs.Contracts.Events;
using Boards.Participation.Contracts.Events;
using Boards.Planning.Contracts.Events;
using Boards.Referrals.Contracts.Events;
using Boards.ServiceDays.Contracts.Events;

namespace Boards.Monitoring.Consumers;

/// <summary>
/// The name each event's consumer has in inbox_messages. Frozen: they are the class names of the consumers that were
/// deployed before one generic consumer replaced them, and a changed name would handle old messages again
/// (tests/Boards.Architecture.Tests/InboxNameTests.cs holds the same list). A new event adds its line.
/// </summary>
public static class InboxNames
{
    private static readonly Dictionary<Type, string> ByEvent = new()
    {
        [typeof(ReferralRequested)] = "ReferralRequestedConsumer",
        [typeof(ReferralAccepted)] = "ReferralAcceptedConsumer",
        [typeof(ReferralRejected)] = "ReferralRejectedConsumer",
        [typeof(ReferralStarted)] = "ReferralStartedConsumer",
        [typeof(ReferralPutOnHold)] = "ReferralPutOnHoldConsumer",
        [typeof(ReferralResumed)] = "ReferralResumedConsumer",
        [typeof(ReferralCounterReferred)] = "ReferralCounterReferredConsumer",
        [typeof(ReferralCancelled)] = "ReferralCancelledConsumer",
        [typeof(ReferralOverdue)] = "ReferralOverdueConsumer",
        [typeof(MunicipalityRegistered)] = "MunicipalityRegisteredConsumer",
        [typeof(RepresentativityAssessed)] = "RepresentativityAssessedConsumer",
        [typeof(SessionHeld)] = "SessionHeldConsumer",
        [typeof(GapAnalysisPublished)] = "GapAnalysisPublishedConsumer",
        [typeof(ServiceDayHeld)] = "ServiceDayHeldConsumer",
        [typeof(PlanApproved)] = "PlanApprovedConsumer",
        [typeof(PlanActionProgressed)] = "PlanActionProgressedConsumer",
        [typeof(PulseAnswerRecorded)] = "PulseAnswerRecordedConsumer",
        [typeof(PulseCodesIssued)] = "PulseCodesIssuedConsumer",
        [typeof(FocalPointAppointed)] = "FocalPointAppointedConsumer",
        [typeof(FocalPointAccessChanged)] = "FocalPointAccessChangedConsumer",
    };

    public static string Of<TEvent>() =>
        ByEvent.TryGetValue(typeof(TEvent), out var name)
            ? name
            : throw new InvalidOperationException($"{typeof(TEvent).Name} has no inbox name: add it to {nameof(InboxNames)}.");
}
