using MassTransit;

namespace Boards.Monitoring.Consumers;

public static class ConsumerRegistration
{
    public const string DefaultReceiveEndpoint = "monitoring-referrals";

    /// <summary>
    /// Every consumer on ONE receive endpoint (one queue), so events reach the read model in roughly the order they were
    /// published; the version rules take care of the rest.
    /// </summary>
    public static IBusRegistrationConfigurator AddMonitoringConsumers(this IBusRegistrationConfigurator bus, string receiveEndpoint)
    {
        bus.AddConsumer<ReferralRequestedConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<ReferralAcceptedConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<ReferralRejectedConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<ReferralStartedConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<ReferralPutOnHoldConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<ReferralResumedConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<ReferralCounterReferredConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<ReferralCancelledConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<ReferralOverdueConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<MunicipalityRegisteredConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<RepresentativityAssessedConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<GapAnalysisPublishedConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<ServiceDayHeldConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<PlanApprovedConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<PlanActionProgressedConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<SessionHeldConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        return bus;
    }
}
