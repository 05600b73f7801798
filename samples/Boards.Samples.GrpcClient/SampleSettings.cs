namespace Boards.Samples.GrpcClient;

/// <summary>Where to call and as whom, from environment variables; the defaults are ./run.sh's and the demo integrator's.</summary>
public sealed record SampleSettings(string Gateway, string Realm, string ClientId, string ClientSecret, string Municipality)
{
    public static SampleSettings FromEnvironment() => new(
        Gateway: Setting("BOARDS_GATEWAY_GRPC", "http://localhost:5081"),
        Realm: Setting("BOARDS_REALM", "http://localhost:5070/realms/boards"),
        ClientId: Setting("BOARDS_CLIENT_ID", "integrator-demo"),
        ClientSecret: Setting("BOARDS_CLIENT_SECRET", "demo-secret"),
        Municipality: Setting("BOARDS_MUNICIPALITY", "alto-vera"));

    private static string Setting(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;
}
