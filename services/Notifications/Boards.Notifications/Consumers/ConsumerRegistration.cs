using MassTransit;

namespace Boards.Notifications.Consumers;

public static class ConsumerRegistration
{
    public const string DefaultReceiveEndpoint = "notifications-events";

    /// <summary>The events Notifications listens to, on one queue (setting Notifications:ReceiveEndpoint; tests use their own).</summary>
    public static IBusRegistrationConfigurator AddNotificationsConsumers(this IBusRegistrationConfigurator bus, string receiveEndpoint)
    {
        bus.AddConsumer<MunicipalityRegisteredConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<ReferralRequestedConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<ReferralAcceptedConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<ReferralRejectedConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<ReferralCounterReferredConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<ReferralCancelledConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<ReferralOverdueConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<EarlyWarningRaisedConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<AgreementRecordedConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<AgreementStatusChangedConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<PlanActionProgressedConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<ServiceDayScheduledConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        return bus;
    }
}
