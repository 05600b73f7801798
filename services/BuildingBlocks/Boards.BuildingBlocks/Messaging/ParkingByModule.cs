using MassTransit;

namespace Boards.BuildingBlocks.Messaging;

/// <summary>A module's <see cref="ParkedMessageStore{TDbContext}"/>, for the queues named after the module ("planning-events").</summary>
public sealed record ParkingRoute(string ServiceName, Type StoreType);

/// <summary>
/// Hands a consumer's failure to the database of the module whose queue it came from. A process with one module
/// (services mode) has one route and uses it for every queue; a composed host has one per module, told apart by the
/// queue's prefix. A queue of no module's cannot be kept: the failure goes to its <c>_error</c> queue as before.
/// </summary>
public sealed class ParkingByModule(IEnumerable<ParkingRoute> routes, IServiceProvider services) : IParkedMessages
{
    private readonly ParkingRoute[] _routes = [.. routes];

    public Task<bool> ParkAsync<TMessage>(ConsumeContext<TMessage> context, Exception exception)
        where TMessage : class =>
        StoreFor(context.ReceiveContext.InputAddress) is { } store ? store.ParkAsync(context, exception) : Task.FromResult(false);

    public Task HandledAsync(ConsumeContext context) =>
        StoreFor(context.ReceiveContext.InputAddress) is { } store ? store.HandledAsync(context) : Task.CompletedTask;

    /// <summary>The module a queue belongs to, or null.</summary>
    public string? ModuleOf(string queue) =>
        _routes.Length == 1 ? _routes[0].ServiceName : _routes.FirstOrDefault(r => queue.StartsWith(r.ServiceName + "-", StringComparison.Ordinal))?.ServiceName;

    private IParkedMessages? StoreFor(Uri inputAddress)
    {
        var module = ModuleOf(ParkedMessages.QueueOf(inputAddress));
        var route = _routes.FirstOrDefault(r => r.ServiceName == module);
        return route is null ? null : (IParkedMessages)services.GetRequiredService(route.StoreType);
    }
}
