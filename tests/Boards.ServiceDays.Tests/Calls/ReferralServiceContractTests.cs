using System.Diagnostics;
using Boards.Referrals.Contracts.Calls;
using Boards.Testing.Calls;
using Proto = Boards.Referrals.Contracts.Grpc;

namespace Boards.ServiceDays.Tests.Calls;

/// <summary>
/// The contract of <see cref="IReferralService"/> (docs/architecture.md, "Calls between modules"): ServiceDays' gRPC
/// adapter and Referrals' in-process adapter, against the same referrals service and for the same caller, create and
/// replay the same referral (recorded in the read audit through the same door), give the same errors for bad input,
/// another municipality's caller, a service not offered, a reused request id, no token or no Boards role, and the same
/// outcome when Referrals cannot answer before the deadline; ServiceDays files each failure the same way.
/// </summary>
public sealed class ReferralServiceContractTests(ReferralServiceHost host) : IClassFixture<ReferralServiceHost>
{
    private static DateTime Deadline => DateTime.UtcNow.AddSeconds(15);

    private string FocalPoint(string municipality) => host.Token(municipality, BoardsRoles.FocalPoint);

    private static Proto.CreateReferralRequest Referral(string? requestId = null, string? serviceCode = null) => new()
    {
        RequestId = requestId ?? $"contract-{Guid.NewGuid():N}",
        MunicipalityCode = "alto-vera",
        DestinationMunicipalityCode = "pilar",
        OriginInstitution = "mspbs",
        DestinationInstitution = "mds",
        ServiceCode = serviceCode ?? "tekopora",
        NeedCategory = "proteccion-social",
        Priority = Proto.Priority.High,
        Reason = "Derivación en la jornada de servicios.",
        Person = new Proto.Person
        {
            DocumentNumber = "4455667", GivenNames = "Lucía", FamilyNames = "Benítez", BirthDate = "1988-11-20", Sex = Proto.Sex.Female,
        },
        Consent = new Proto.Consent { Given = true, GivenBy = "la persona" },
    };

    /// <summary>The same call through both adapters, as the caller with this token (none: anonymous): failures must be equal.</summary>
    private async Task<(CallOutcome Grpc, CallOutcome InProcess)> BothAsync(string? token, Func<Proto.CreateReferralRequest> request)
    {
        CallerRequest.Enter(await CallerRequest.AuthenticatedAsync(host.Services, token));
        var grpc = await CallOutcome.OfAsync(() => host.Grpc.CreateReferralAsync(request(), Deadline, CancellationToken.None));
        var inProcess = await CallOutcome.OfAsync(() => host.InProcess.CreateReferralAsync(request(), Deadline, CancellationToken.None));
        return (grpc, inProcess);
    }

    private async Task<CallOutcome> SameFailureAsync(string? token, Func<Proto.CreateReferralRequest> request)
    {
        var (grpc, inProcess) = await BothAsync(token, request);
        Assert.Equal(grpc, inProcess);
        Assert.True(grpc.Failed, grpc.Reply);
        return grpc;
    }

    /// <summary>How ServiceDays files the failure of each adapter: the same Spanish error and kind.</summary>
    private async Task<(string Error, string Kind)> FiledAsync(IReferralService referrals, Proto.CreateReferralRequest request, DateTime deadline)
    {
        var failure = await Assert.ThrowsAsync<RpcException>(() => referrals.CreateReferralAsync(request, deadline, CancellationToken.None));
        return ReferralFailures.Classify(failure);
    }

    [Fact]
    public async Task A_referral_is_created_the_same_through_either_adapter_replayed_the_same_and_audited_through_the_same_door()
    {
        var first = Referral();
        var second = Referral();
        CallerRequest.Enter(await CallerRequest.AuthenticatedAsync(host.Services, FocalPoint("alto-vera")));

        var createdOverGrpc = await host.Grpc.CreateReferralAsync(first, Deadline, CancellationToken.None);
        var createdInProcess = await host.InProcess.CreateReferralAsync(second, Deadline, CancellationToken.None);
        var firstReplay = await ReplayAsync(first);
        var secondReplay = await ReplayAsync(second);

        Assert.Equal(WithoutIdAndTimes(createdOverGrpc), WithoutIdAndTimes(createdInProcess));
        Assert.Equal(("Lucía", Proto.PersonData.Full), (createdInProcess.Person.GivenNames, createdInProcess.PersonData));
        Assert.Equal(firstReplay.Grpc, firstReplay.InProcess);
        Assert.Equal(secondReplay.Grpc, secondReplay.InProcess);
        Assert.Equal((createdOverGrpc.Id, createdInProcess.Id), (firstReplay.InProcess.Id, secondReplay.Grpc.Id));
        Assert.Equal(["grpc", "grpc", "grpc"], await host.DoorsAsync(createdOverGrpc.Id));
        Assert.Equal(["grpc", "grpc", "grpc"], await host.DoorsAsync(createdInProcess.Id));
    }

    private async Task<(Proto.Referral Grpc, Proto.Referral InProcess)> ReplayAsync(Proto.CreateReferralRequest request) => (
        await host.Grpc.CreateReferralAsync(request, Deadline, CancellationToken.None),
        await host.InProcess.CreateReferralAsync(request, Deadline, CancellationToken.None));

    /// <summary>A new referral's answer without what differs between two referrals made a moment apart.</summary>
    private static Proto.Referral WithoutIdAndTimes(Proto.Referral referral)
    {
        var copy = referral.Clone();
        copy.Id = "";
        copy.CreatedAt = copy.AcceptBy = null;
        copy.Availability.CheckedAt = null;
        foreach (var change in copy.History)
        {
            change.At = null;
        }

        return copy;
    }

    [Fact]
    public async Task Missing_fields_are_the_same_invalid_argument_with_the_same_field_violations()
    {
        var invalid = await SameFailureAsync(FocalPoint("alto-vera"), () => new Proto.CreateReferralRequest { RequestId = $"contract-{Guid.NewGuid():N}" });

        Assert.Equal(StatusCode.InvalidArgument, invalid.Code);
        Assert.Contains("\"service_code\"", invalid.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_over_its_proto_limit_or_with_a_nul_is_refused_the_same_way_and_filed_as_refused()
    {
        Proto.CreateReferralRequest LongReason()
        {
            var request = Referral();
            request.Reason = new string('r', 2001);
            return request;
        }

        Proto.CreateReferralRequest NulName()
        {
            var request = Referral();
            request.Person.GivenNames = "Lu\0cía";
            return request;
        }

        var tooLong = await SameFailureAsync(FocalPoint("alto-vera"), LongReason);
        var nul = await SameFailureAsync(FocalPoint("alto-vera"), NulName);

        Assert.Equal(StatusCode.InvalidArgument, tooLong.Code);
        Assert.Contains("\"reason\"", tooLong.Details, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, nul.Code);
        Assert.StartsWith("person.given_names:", nul.Detail, StringComparison.Ordinal);
        CallerRequest.Enter(await CallerRequest.AuthenticatedAsync(host.Services, FocalPoint("alto-vera")));
        Assert.Equal(await FiledAsync(host.Grpc, LongReason(), Deadline), await FiledAsync(host.InProcess, LongReason(), Deadline));
        Assert.Equal(ReferralFailureKind.Refused, (await FiledAsync(host.InProcess, LongReason(), Deadline)).Kind);
    }

    [Fact]
    public async Task Another_municipalitys_focal_point_is_the_same_permission_denied_and_filed_as_refused()
    {
        var denied = await SameFailureAsync(FocalPoint("pilar"), () => Referral());
        CallerRequest.Enter(await CallerRequest.AuthenticatedAsync(host.Services, FocalPoint("pilar")));
        var filed = await FiledAsync(host.Grpc, Referral(), Deadline);

        Assert.Equal(StatusCode.PermissionDenied, denied.Code);
        Assert.Contains("alto-vera", denied.Detail, StringComparison.Ordinal);
        Assert.Equal(filed, await FiledAsync(host.InProcess, Referral(), Deadline));
        Assert.Equal(ReferralFailureKind.Refused, filed.Kind);
    }

    [Fact]
    public async Task A_service_the_destination_does_not_offer_is_the_same_failed_precondition_and_filed_as_not_offered()
    {
        var code = $"retirado-{Guid.NewGuid():N}"[..20];
        host.Withdraw(code);

        var refused = await SameFailureAsync(FocalPoint("alto-vera"), () => Referral(serviceCode: code));
        CallerRequest.Enter(await CallerRequest.AuthenticatedAsync(host.Services, FocalPoint("alto-vera")));
        var filed = await FiledAsync(host.Grpc, Referral(serviceCode: code), Deadline);

        Assert.Equal(StatusCode.FailedPrecondition, refused.Code);
        Assert.Contains("SERVICE_NOT_OFFERED", refused.Details, StringComparison.Ordinal);
        Assert.Equal(filed, await FiledAsync(host.InProcess, Referral(serviceCode: code), Deadline));
        Assert.Equal(ReferralFailureKind.ServiceNotOffered, filed.Kind);
    }

    [Fact]
    public async Task A_request_id_reused_for_other_content_is_the_same_already_exists()
    {
        var requestId = $"contract-{Guid.NewGuid():N}";
        CallerRequest.Enter(await CallerRequest.AuthenticatedAsync(host.Services, FocalPoint("alto-vera")));
        await host.Grpc.CreateReferralAsync(Referral(requestId), Deadline, CancellationToken.None);

        var reused = await SameFailureAsync(FocalPoint("alto-vera"), () => Referral(requestId, serviceCode: "otro-servicio"));

        Assert.Equal(StatusCode.AlreadyExists, reused.Code);
    }

    [Fact]
    public async Task No_token_is_the_same_unauthenticated_and_no_boards_role_the_same_permission_denied()
    {
        var anonymous = await SameFailureAsync(null, () => Referral());
        var roleless = await SameFailureAsync(host.Token("alto-vera"), () => Referral());

        Assert.Equal(StatusCode.Unauthenticated, anonymous.Code);
        Assert.Equal(StatusCode.PermissionDenied, roleless.Code);
    }

    [Fact]
    public async Task Referrals_unable_to_answer_by_the_deadline_is_the_same_deadline_exceeded_and_filed_as_unreachable()
    {
        CallerRequest.Enter(await CallerRequest.AuthenticatedAsync(host.Services, FocalPoint("alto-vera")));
        await using var locked = await TableLock.TakeAsync(host.DatabaseName, "referrals");

        var watch = Stopwatch.StartNew();
        var grpc = await CallOutcome.OfAsync(() => host.Grpc.CreateReferralAsync(Referral(), DateTime.UtcNow.AddSeconds(0.5), CancellationToken.None));
        var inProcess = await CallOutcome.OfAsync(() => host.InProcess.CreateReferralAsync(Referral(), DateTime.UtcNow.AddSeconds(0.5), CancellationToken.None));
        var filedOverGrpc = await FiledAsync(host.Grpc, Referral(), DateTime.UtcNow.AddSeconds(0.5));
        var filedInProcess = await FiledAsync(host.InProcess, Referral(), DateTime.UtcNow.AddSeconds(0.5));
        watch.Stop();

        Assert.Equal(grpc, inProcess);
        Assert.Equal(StatusCode.DeadlineExceeded, grpc.Code);
        Assert.Equal(filedOverGrpc, filedInProcess);
        Assert.Equal((ReferralSender.TimedOut, ReferralFailureKind.Unreachable), filedOverGrpc);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(8), $"four calls with 0.5 s deadlines took {watch.Elapsed}");
    }
}
