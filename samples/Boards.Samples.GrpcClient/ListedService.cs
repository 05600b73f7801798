namespace Boards.Samples.GrpcClient;

/// <summary>A service as gRPC reflection describes it: its full name and its methods.</summary>
public sealed record ListedService(string Name, IReadOnlyList<string> Methods);
