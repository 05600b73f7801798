using Boards.Samples.GrpcClient;
using Grpc.Core;
using Grpc.Net.Client;

// Usage: dotnet run --project samples/Boards.Samples.GrpcClient
// Settings from the environment (defaults: ./run.sh's addresses and the demo integrator): see SampleSettings.
var settings = SampleSettings.FromEnvironment();
using var channel = GrpcChannel.ForAddress(settings.Gateway);

try
{
    // 1. What the gateway offers: every service and its methods, by reflection (no token needed for this).
    await foreach (var service in ReflectionListing.ServicesAsync(channel))
    {
        Console.WriteLine($"servicio {service.Name}");
        foreach (var method in service.Methods)
        {
            Console.WriteLine($"  método {service.Name}/{method}");
        }
    }

    // 2. A token, and a referral from my institution (integrator-demo acts for mspbs) to the ministry's.
    var token = await IdentityToken.ByClientCredentialsAsync(settings);
    var auth = new Metadata { { "Authorization", $"Bearer {token}" } };
    var referral = await ReferralExample.CreateAsync(channel, auth, settings);
    Console.WriteLine($"derivación creada {referral.Id} estado {referral.Status} versión {referral.Version}");
    return 0;
}
catch (RpcException e)
{
    Console.Error.WriteLine(ReferralExample.Explain(e));
    return 1;
}
catch (HttpRequestException e)
{
    Console.Error.WriteLine($"No se pudo obtener el token de {settings.Realm}: {e.Message}");
    return 1;
}
