using MassTransit;

namespace Boards.ServiceDays.Consumers;

public static class ConsumerRegistration
{
    public const string DefaultReceiveEndpoint = "servicedays-events";

    /// <summary>The events ServiceDays listens to, on one queue (setting ServiceDays:ReceiveEndpoint; tests use their own).</summary>
    public static IBusRegistrationConfigurator AddServiceDaysConsumers(this IBusRegistrationConfigurator bus, string receiveEndpoint)
    {
        bus.AddConsumer<MunicipalityRegisteredConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        bus.AddConsumer<ServiceOfferChangedConsumer>().Endpoint(e => e.Name = receiveEndpoint);
        return bus;
    }
}
