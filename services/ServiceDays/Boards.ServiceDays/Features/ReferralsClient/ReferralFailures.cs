using Google.Rpc;
using Grpc.Core;

namespace Boards.ServiceDays.Features.ReferralsClient;

/// <summary>A failed CreateReferral call as the entry shows it: its Spanish error and its <see cref="ReferralFailureKind"/>.</summary>
public static class ReferralFailures
{
    /// <summary>The google.rpc.PreconditionFailure violation type of a service its destination does not offer (the referrals service's ReferralErrorMapper).</summary>
    public const string ServiceNotOfferedType = "SERVICE_NOT_OFFERED";

    /// <summary>
    /// Transient statuses (no answer, no time, a busy or restarting service, a concurrent write, an expired token) are unreachable: the same
    /// entry may go through later. Every other status is the referrals service's verdict on the content or the scope.
    /// </summary>
    public static (string Error, string Kind) Classify(RpcException exception) => exception.StatusCode switch
    {
        StatusCode.DeadlineExceeded => (ReferralSender.TimedOut, ReferralFailureKind.Unreachable),
        StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown or StatusCode.Cancelled or StatusCode.Aborted =>
            (ReferralSender.Unreachable, ReferralFailureKind.Unreachable),
        StatusCode.Unauthenticated => (AccountRefused(exception), ReferralFailureKind.Unreachable),
        StatusCode.PermissionDenied => (AccountRefused(exception), ReferralFailureKind.Refused),
        StatusCode.ResourceExhausted => (Refused(exception), ReferralFailureKind.Unreachable),
        StatusCode.FailedPrecondition when IsServiceNotOffered(exception) => (Refused(exception), ReferralFailureKind.ServiceNotOffered),
        _ => (Refused(exception), ReferralFailureKind.Refused),
    };

    private static bool IsServiceNotOffered(RpcException exception) =>
        exception.GetRpcStatus()?.GetDetail<PreconditionFailure>() is { } failure
        && failure.Violations.Any(v => v.Type == ServiceNotOfferedType);

    private static string AccountRefused(RpcException exception) =>
        $"El servicio de referencias no aceptó su cuenta para esta referencia: {exception.Status.Detail}";

    private static string Refused(RpcException exception) =>
        $"El servicio de referencias rechazó la referencia: {exception.Status.Detail}";
}
