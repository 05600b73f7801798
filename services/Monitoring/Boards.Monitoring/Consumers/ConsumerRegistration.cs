using Boards.Membership.Contracts.Events;
using Boards.Needs.Contracts.Events;
using Boards.Participation.Contracts.Events;
using Boards.Planning.Contracts.Events;
using Boards.Referrals.Contracts.Events;
using Boards.ServiceDays.Contracts.Events;
using MassTransit;

namespace Boards.Monitoring.Consumers;

public static class ConsumerRegistration
{
    public const string DefaultReceiveEndpoint = "monitoring-referrals";

    /// <summary>
    /// One <see cref="ReadModelConsumer{TEvent}"/> per event, with the projection that folds it in, every one on ONE
    /// receive endpoint (one queue), so events reach the read model in roughly the order they were published; the
    /// version rules take care of the rest. Each consumer's inbox name is in <see cref="InboxNames"/>.
    /// </summary>
    public static IBusRegistrationConfigurator AddMonitoringConsumers(this IBusRegistrationConfigurator bus, string receiveEndpoint)
    {
        bus.AddReadModelConsumer<ReferralRequested, ReferralEventProjection<ReferralRequested>>(receiveEndpoint);
        bus.AddReadModelConsumer<ReferralAccepted, ReferralEventProjection<ReferralAccepted>>(receiveEndpoint);
        bus.AddReadModelConsumer<ReferralRejected, ReferralEventProjection<ReferralRejected>>(receiveEndpoint);
        bus.AddReadModelConsumer<ReferralStarted, ReferralEventProjection<ReferralStarted>>(receiveEndpoint);
        bus.AddReadModelConsumer<ReferralPutOnHold, ReferralEventProjection<ReferralPutOnHold>>(receiveEndpoint);
        bus.AddReadModelConsumer<ReferralResumed, ReferralEventProjection<ReferralResumed>>(receiveEndpoint);
        bus.AddReadModelConsumer<ReferralCounterReferred, ReferralEventProjection<ReferralCounterReferred>>(receiveEndpoint);
        bus.AddReadModelConsumer<ReferralCancelled, ReferralEventProjection<ReferralCancelled>>(receiveEndpoint);
        bus.AddReadModelConsumer<ReferralOverdue, ReferralEventProjection<ReferralOverdue>>(receiveEndpoint);
        bus.AddReadModelConsumer<MunicipalityRegistered, MunicipalityRegisteredProjection>(receiveEndpoint);
        bus.AddReadModelConsumer<RepresentativityAssessed, RepresentativityAssessedProjection>(receiveEndpoint);
        bus.AddReadModelConsumer<GapAnalysisPublished, GapAnalysisPublishedProjection>(receiveEndpoint);
        bus.AddReadModelConsumer<ServiceDayHeld, ServiceDayHeldProjection>(receiveEndpoint);
        bus.AddReadModelConsumer<PlanApproved, PlanApprovedProjection>(receiveEndpoint);
        bus.AddReadModelConsumer<PlanActionProgressed, PlanActionProgressedProjection>(receiveEndpoint);
        bus.AddReadModelConsumer<SessionHeld, SessionHeldProjection>(receiveEndpoint);
        bus.AddReadModelConsumer<PulseAnswerRecorded, PulseAnswerRecordedProjection>(receiveEndpoint);
        bus.AddReadModelConsumer<PulseCodesIssued, PulseCodesIssuedProjection>(receiveEndpoint);
        bus.AddReadModelConsumer<FocalPointAppointed, FocalPointAppointedProjection>(receiveEndpoint);
        bus.AddReadModelConsumer<FocalPointAccessChanged, FocalPointAccessChangedProjection>(receiveEndpoint);
        return bus;
    }

    private static void AddReadModelConsumer<TEvent, TProjection>(this IBusRegistrationConfigurator bus, string receiveEndpoint)
        where TEvent : class
        where TProjection : class, IReadModelProjection<TEvent>
    {
        // Projections keep no state: one instance serves every message.
        bus.AddSingleton<IReadModelProjection<TEvent>, TProjection>();
        bus.AddConsumer<ReadModelConsumer<TEvent>>().Endpoint(e => e.Name = receiveEndpoint);
    }
}
