using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Status = Grpc.Core.Status;

namespace Boards.ServiceDays.Tests.ReferralsClient;

/// <summary>What each gRPC status of CreateReferral makes of the entry: its Spanish error (as before) and its failure kind.</summary>
public sealed class ReferralFailuresTests
{
    [Theory]
    [InlineData(StatusCode.DeadlineExceeded, ReferralFailureKind.Unreachable)]
    [InlineData(StatusCode.Unavailable, ReferralFailureKind.Unreachable)]
    [InlineData(StatusCode.Internal, ReferralFailureKind.Unreachable)]
    [InlineData(StatusCode.Unknown, ReferralFailureKind.Unreachable)]
    [InlineData(StatusCode.Cancelled, ReferralFailureKind.Unreachable)]
    [InlineData(StatusCode.ResourceExhausted, ReferralFailureKind.Unreachable)]
    [InlineData(StatusCode.Unauthenticated, ReferralFailureKind.Unreachable)]
    [InlineData(StatusCode.InvalidArgument, ReferralFailureKind.Refused)]
    [InlineData(StatusCode.FailedPrecondition, ReferralFailureKind.Refused)]
    [InlineData(StatusCode.NotFound, ReferralFailureKind.Refused)]
    [InlineData(StatusCode.AlreadyExists, ReferralFailureKind.Refused)]
    [InlineData(StatusCode.PermissionDenied, ReferralFailureKind.Refused)]
    [InlineData(StatusCode.Aborted, ReferralFailureKind.Unreachable)]
    [InlineData(StatusCode.Unimplemented, ReferralFailureKind.Refused)]
    public void Each_status_is_a_failure_kind(StatusCode code, string kind) =>
        Assert.Equal(kind, ReferralFailures.Classify(new RpcException(new Status(code, "Detalle."))).Kind);

    [Theory]
    [InlineData(StatusCode.DeadlineExceeded, ReferralSender.TimedOut)]
    [InlineData(StatusCode.Unavailable, ReferralSender.Unreachable)]
    [InlineData(StatusCode.Unauthenticated, "El servicio de referencias no aceptó su cuenta para esta referencia: Detalle.")]
    [InlineData(StatusCode.PermissionDenied, "El servicio de referencias no aceptó su cuenta para esta referencia: Detalle.")]
    [InlineData(StatusCode.InvalidArgument, "El servicio de referencias rechazó la referencia: Detalle.")]
    public void The_spanish_errors_stay_as_they_were(StatusCode code, string error) =>
        Assert.Equal(error, ReferralFailures.Classify(new RpcException(new Status(code, "Detalle."))).Error);

    [Theory]
    [InlineData("SERVICE_NOT_OFFERED", ReferralFailureKind.ServiceNotOffered)]
    [InlineData("STATE", ReferralFailureKind.Refused)]
    [InlineData("HOLD_LIMIT", ReferralFailureKind.Refused)]
    public void A_failed_precondition_is_a_service_not_offered_only_by_its_violation_type(string type, string kind)
    {
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.FailedPrecondition,
            Message = "El servicio no se ofrece.",
            Details =
            {
                Any.Pack(new PreconditionFailure
                {
                    Violations = { new PreconditionFailure.Types.Violation { Type = type, Subject = "serviceCode", Description = "El servicio no se ofrece." } },
                }),
            },
        };

        var (error, classified) = ReferralFailures.Classify(status.ToRpcException());

        Assert.Equal(("El servicio de referencias rechazó la referencia: El servicio no se ofrece.", kind), (error, classified));
    }
}
