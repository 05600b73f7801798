using System.Collections.Concurrent;
using Boards.Membership.Tests.Integration;
using MassTransit;
using RabbitMQ.Client;

namespace Boards.Membership.Tests.Municipalities;

/// <summary>
/// A bus of its own listening for MunicipalityRegistered, as Referrals and Monitoring do. Other test classes' hosts
/// announce their seed too, so assertions look for their own codes.
/// </summary>
public sealed class RegistrationListener : IAsyncLifetime
{
    private readonly string _queue = $"membership-test-municipalities-{Guid.NewGuid().ToString("N")[..12]}";
    private IBusControl? _bus;

    public ConcurrentQueue<MunicipalityRegistered> Received { get; } = new();

    public async Task InitializeAsync()
    {
        _bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(MembershipHost.RabbitMqUri));
            rabbit.ReceiveEndpoint(_queue, endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Handler<MunicipalityRegistered>(context =>
                {
                    Received.Enqueue(context.Message);
                    return Task.CompletedTask;
                });
            });
        });
        await _bus.StartAsync(new CancellationTokenSource(MembershipHost.Patience).Token);
    }

    public async Task DisposeAsync()
    {
        if (_bus is not null)
        {
            await _bus.StopAsync();
        }

        var factory = new ConnectionFactory { Uri = new Uri(MembershipHost.RabbitMqUri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeleteAsync(_queue);
        await channel.ExchangeDeleteAsync(_queue);
    }

    public async Task<MunicipalityRegistered> WaitForAsync(string code, Func<MunicipalityRegistered, bool>? matching = null)
    {
        MunicipalityRegistered? found = null;
        await MembershipHost.WaitUntilAsync(
            () => Task.FromResult((found = Received.LastOrDefault(m => m.Code == code && (matching?.Invoke(m) ?? true))) is not null),
            $"MunicipalityRegistered for {code} on RabbitMQ");
        return found!;
    }
}
