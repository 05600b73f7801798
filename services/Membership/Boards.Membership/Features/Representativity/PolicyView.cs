using Boards.Membership.Domain.Representativity;

namespace Boards.Membership.Features.Representativity;

/// <summary>The policy as the portal reads it: version, who published it and when, and every target and weight.</summary>
public sealed record PolicyView(int Version, DateTimeOffset? CreatedAt, string? CreatedBy, RepresentativityPolicy Policy);
