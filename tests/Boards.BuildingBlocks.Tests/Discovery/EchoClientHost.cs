using Boards.BuildingBlocks.Api.Grpc;
using Boards.ServiceDefaults;
using Boards.ServiceDefaults.Discovery;
using Boards.ServiceDefaults.Http;
using Grpc.Core;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Boards.BuildingBlocks.Tests.Discovery;

/// <summary>
/// A process that calls echo the way Referrals, Needs and ServiceDays call each other: the service defaults (service
/// discovery on every HttpClient, host names expanded when configured), then AddGrpcClient with the address from
/// configuration (<c>Echo:Address</c>), one attempt (WithoutResilience) and BalancedPerCall.
/// </summary>
public sealed class EchoClientHost : IDisposable
{
    private const string ClientName = "echo";

    private readonly IHost _host;

    public EchoClientHost(IReadOnlyDictionary<string, string?> settings, HostAddressLookup? lookup = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults(bearerAuthentication: false);
        if (lookup is not null)
        {
            builder.Services.AddSingleton(lookup);
        }

        builder.Services.AddGrpcClient<EchoClient>(ClientName, (provider, client) =>
                client.Address = new Uri(provider.GetRequiredService<IConfiguration>()["Echo:Address"]!))
            .WithoutResilience()
            .BalancedPerCall();
        _host = builder.Build();
    }

    public EchoClient Client => _host.Services.GetRequiredService<GrpcClientFactory>().CreateClient<EchoClient>(ClientName);

    /// <summary>The name of the server that answered, or the status of a failed call.</summary>
    public async Task<string> CallAsync(TimeSpan? deadline = null)
    {
        try
        {
            var reply = await Client.EchoAsync(new EchoMessage { Payload = "hola" },
                new CallOptions(deadline: DateTime.UtcNow + (deadline ?? TimeSpan.FromSeconds(5))));
            return reply.Payload;
        }
        catch (RpcException exception)
        {
            return exception.StatusCode.ToString();
        }
    }

    /// <summary><paramref name="count"/> calls one after another: how many each server (or failure status) got.</summary>
    public async Task<Dictionary<string, int>> CallManyAsync(int count)
    {
        var answers = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var answer = await CallAsync();
            answers[answer] = answers.GetValueOrDefault(answer) + 1;
        }

        return answers;
    }

    public void Dispose() => _host.Dispose();
}
