using Boards.BuildingBlocks.Api.Limits;

namespace Boards.Referrals.Features.PersonRecord;

/// <summary>Why the reader opens the person's record; required, kept in the read audit.</summary>
public sealed record PersonRecordCommand([property: MaxText(ReferralLimits.ReadReason)] string? Reason);
