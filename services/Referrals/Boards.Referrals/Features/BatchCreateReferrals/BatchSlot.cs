using Boards.Referrals.Features.ServiceAvailability;

namespace Boards.Referrals.Features.BatchCreateReferrals;

/// <summary>One item of a batch on its way through the handler: its request, then either its referral or its error.</summary>
internal sealed class BatchSlot(int index, string referenceId)
{
    public int Index { get; } = index;
    public string ReferenceId { get; } = referenceId;
    public NewReferral? Request { get; set; }
    public AvailabilityCheck? Check { get; set; }
    public Referral? Referral { get; set; }
    public bool Replayed { get; set; }
    public ApiError? Error { get; set; }
    public bool IsOpen => Error is null && Referral is null;
}
