using Boards.BuildingBlocks.Api.Limits;

namespace Boards.Referrals.Features.ReadFullReferral;

/// <summary>Why the reader needs the person's full record; kept in the read audit.</summary>
public sealed record ReadFullReferralCommand([property: MaxText(ReferralLimits.ReadReason)] string? Reason);
