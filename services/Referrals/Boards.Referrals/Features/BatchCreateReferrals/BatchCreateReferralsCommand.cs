using Boards.BuildingBlocks.Api.Limits;
using Boards.Referrals.Features.CreateReferral;

namespace Boards.Referrals.Features.BatchCreateReferrals;

/// <summary>An integrator's batch (REST JSON or gRPC, mapped): up to <see cref="BatchCreateReferralsHandler.MaxItems"/> items.</summary>
public sealed record BatchCreateReferralsCommand
{
    [MaxItems(BatchCreateReferralsHandler.MaxItems)]
    public IReadOnlyList<BatchReferralItemInput?>? Items { get; init; }
}

/// <summary>One item: the integrator's own id for it, and the same request as a single create (its requestId is ignored).</summary>
public sealed record BatchReferralItemInput
{
    [MaxText(ReferralLimits.RequestId)]
    public string? ReferenceId { get; init; }
    public CreateReferralCommand? Referral { get; init; }
}

/// <summary>
/// What happened to one item: the referral (created now, or <see cref="Replayed"/> from an earlier call), or the error a
/// single create would have raised, with field paths inside the batch (<c>items[3].referral.person.givenNames</c>).
/// </summary>
public sealed record BatchItemResult(string ReferenceId, Referral? Referral, bool Replayed, ApiError? Error);
