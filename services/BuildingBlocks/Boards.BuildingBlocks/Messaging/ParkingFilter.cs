using MassTransit;
using MassTransit.Configuration;

namespace Boards.BuildingBlocks.Messaging;

/// <summary>
/// Wraps each message type's retries in place (it is added before <c>UseMessageRetry</c>, so it sits outside it): a
/// failure that outlived them is handed to <see cref="IParkedMessages"/> and the message is acknowledged, to come back
/// from the database later. When the database cannot take it either, the failure goes on as before, to the
/// consumer's <c>_error</c> queue. A redelivered message that is handled takes its row away.
/// </summary>
public sealed class ParkingFilter<TMessage>(IParkedMessages parking) : IFilter<ConsumeContext<TMessage>>
    where TMessage : class
{
    public async Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
    {
        try
        {
            await next.Send(context);
        }
        catch (Exception exception) when (!context.CancellationToken.IsCancellationRequested && context.MessageId is not null)
        {
            if (!await parking.ParkAsync(context, exception))
            {
                throw;
            }

            // Faulted (the retries reported it) and now settled: acknowledged, neither moved to _error nor to _skipped.
            if (!context.ReceiveContext.IsFaulted && !context.ReceiveContext.IsDelivered)
            {
                await context.NotifyConsumed(context, context.ReceiveContext.ElapsedTime, nameof(ParkingFilter<TMessage>));
            }

            return;
        }

        if (context.Headers.TryGetHeader(ParkedMessages.RedeliveryHeader, out _))
        {
            await parking.HandledAsync(context);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("boardsParking");
}

/// <summary>Adds a <see cref="ParkingFilter{TMessage}"/> to every message type an endpoint consumes, as UseMessageRetry adds its retries.</summary>
internal sealed class ParkingConfigurationObserver : ConfigurationObserver, IMessageConfigurationObserver
{
    private readonly IParkedMessages _parking;

    public ParkingConfigurationObserver(IConsumePipeConfigurator configurator, IParkedMessages parking)
        : base(configurator)
    {
        _parking = parking;
        Connect(this);
    }

    public void MessageConfigured<TMessage>(IConsumePipeConfigurator configurator)
        where TMessage : class =>
        configurator.AddPipeSpecification(new ParkingSpecification<TMessage>(_parking));

    private sealed class ParkingSpecification<TMessage>(IParkedMessages parking) : IPipeSpecification<ConsumeContext<TMessage>>
        where TMessage : class
    {
        public void Apply(IPipeBuilder<ConsumeContext<TMessage>> builder) => builder.AddFilter(new ParkingFilter<TMessage>(parking));

        public IEnumerable<ValidationResult> Validate() => [];
    }
}
