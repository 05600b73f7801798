using Boards.Referrals.Features.BatchCreateReferrals;
using Boards.Referrals.Features.CreateReferral;
using Boards.Referrals.Features.GetReferral;
using Boards.Referrals.Features.ListReferrals;
using Boards.Referrals.Features.PersonRecord;
using Boards.Referrals.Features.ReadFullReferral;
using Boards.Referrals.Features.Transitions;
using Boards.Referrals.Features.WatchReferrals;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Proto = Boards.Referrals.Contracts.Grpc;

namespace Boards.Referrals.Api.Grpc;

/// <summary>boards.referrals.v1.ReferralService for integrators. Thin: each RPC maps, calls its feature, maps back.</summary>
[Authorize(Policy = BoardsPolicies.AnyBoardsRole)]
public sealed class ReferralGrpcService(
    CreateReferralHandler create,
    BatchCreateReferralsHandler batch,
    GetReferralHandler get,
    ListReferralsHandler list,
    TransitionHandler transitions,
    WatchReferralsHandler watch,
    ReadFullReferralHandler fullRead,
    PersonRecordHandler personRecord,
    TimeProvider clock,
    IOptions<ReferralsOptions> options,
    IHttpContextAccessor http) : Proto.ReferralService.ReferralServiceBase
{
    public override Task<Proto.Referral> CreateReferral(Proto.CreateReferralRequest request, ServerCallContext context) =>
        CreateReferralAsync(create, clock, options.Value, request, CallerOf(context), context.CancellationToken);

    /// <summary>The method's body, for this endpoint and for the in-process one (<see cref="InProcess.InProcessReferralService"/>).</summary>
    internal static async Task<Proto.Referral> CreateReferralAsync(
        CreateReferralHandler create, TimeProvider clock, ReferralsOptions options, Proto.CreateReferralRequest request, Caller caller, CancellationToken ct)
    {
        var referral = (await create.HandleAsync(GrpcMapper.ToCommand(request), caller, ct)).Referral;
        return GrpcMapper.ToProto(referral, clock.GetUtcNow(), options.Deadlines, PersonDisclosure.For(caller, referral, reasonGiven: false));
    }

    public override async Task<Proto.BatchCreateReferralsResponse> BatchCreateReferrals(Proto.BatchCreateReferralsRequest request, ServerCallContext context)
    {
        var results = await batch.HandleAsync(GrpcBatchMapper.ToCommand(request), CallerOf(context), context.CancellationToken);
        var response = new Proto.BatchCreateReferralsResponse();
        response.Results.AddRange(results.Select(result => GrpcBatchMapper.ToProto(result, Map)));
        return response;
    }

    public override async Task<Proto.Referral> GetReferral(Proto.GetReferralRequest request, ServerCallContext context) =>
        Map(await get.HandleAsync(request.Id, CallerOf(context), context.CancellationToken));

    public override async Task<Proto.Referral> ReadFullReferral(Proto.ReadFullReferralRequest request, ServerCallContext context) =>
        GrpcMapper.ToProto(
            await fullRead.HandleAsync(request.Id, new ReadFullReferralCommand(request.Reason), CallerOf(context), context.CancellationToken),
            clock.GetUtcNow(), options.Value.Deadlines, PersonData.Full);

    public override async Task<Proto.PersonRecord> GetPersonRecord(Proto.GetPersonRecordRequest request, ServerCallContext context) =>
        GrpcPersonRecordMapper.ToProto(
            await personRecord.HandleAsync(request.Id, new PersonRecordCommand(request.Reason), CallerOf(context), context.CancellationToken));

    public override async Task<Proto.ListReferralsResponse> ListReferrals(Proto.ListReferralsRequest request, ServerCallContext context)
    {
        var statuses = request.Statuses.Select(s => GrpcMapper.FromProtoStatus(s, "statuses")).ToList();
        var page = await list.HandleAsync(
            new ListReferralsQuery(request.MunicipalityCode, statuses, request.OverdueOnly, request.PageSize, request.PageToken),
            CallerOf(context), context.CancellationToken);
        var response = new Proto.ListReferralsResponse { NextPageToken = page.NextPageToken ?? "", TotalCount = page.TotalCount };
        response.Referrals.AddRange(page.Referrals.Select(Map));
        return response;
    }

    public override async Task<Proto.Referral> AcceptReferral(Proto.AcceptReferralRequest request, ServerCallContext context) =>
        Map(await transitions.AcceptAsync(request.Id, new NoteCommand(request.ExpectedVersion, request.Note), CallerOf(context), context.CancellationToken));

    public override async Task<Proto.Referral> StartReferral(Proto.StartReferralRequest request, ServerCallContext context) =>
        Map(await transitions.StartAsync(request.Id, new NoteCommand(request.ExpectedVersion, request.Note), CallerOf(context), context.CancellationToken));

    public override async Task<Proto.Referral> HoldReferral(Proto.HoldReferralRequest request, ServerCallContext context) =>
        Map(await transitions.HoldAsync(request.Id, new NoteCommand(request.ExpectedVersion, request.Note), CallerOf(context), context.CancellationToken));

    public override async Task<Proto.Referral> ResumeReferral(Proto.ResumeReferralRequest request, ServerCallContext context) =>
        Map(await transitions.ResumeAsync(request.Id, new NoteCommand(request.ExpectedVersion, request.Note), CallerOf(context), context.CancellationToken));

    public override async Task<Proto.Referral> RejectReferral(Proto.RejectReferralRequest request, ServerCallContext context) =>
        Map(await transitions.RejectAsync(request.Id,
            new RejectCommand(GrpcMapper.FromProto<Proto.RejectionReason, RejectionReason>(request.Reason), request.Note, request.ExpectedVersion),
            CallerOf(context), context.CancellationToken));

    public override async Task<Proto.Referral> CancelReferral(Proto.CancelReferralRequest request, ServerCallContext context) =>
        Map(await transitions.CancelAsync(request.Id,
            new CancelCommand(GrpcMapper.FromProto<Proto.CancellationReason, CancellationReason>(request.Reason), request.Note, request.ExpectedVersion),
            CallerOf(context), context.CancellationToken));

    public override async Task<Proto.Referral> CounterRefer(Proto.CounterReferRequest request, ServerCallContext context) =>
        Map(await transitions.CounterReferAsync(request.Id,
            new CounterReferCommand(GrpcMapper.ToInput(request.CounterReferral), request.ExpectedVersion),
            CallerOf(context), context.CancellationToken));

    public override async Task WatchReferrals(Proto.WatchReferralsRequest request, IServerStreamWriter<Proto.ReferralChange> responseStream, ServerCallContext context)
    {
        var since = request.Since?.ToDateTimeOffset();
        // The stream carries personal data: it lasts as long as the token that opened it, not a moment longer.
        using var tokenLifetime = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        tokenLifetime.CancelAfter(TokenLifetime.Remaining(context.GetHttpContext().User, clock.GetUtcNow()));
        using var session = await watch.OpenAsync(request.MunicipalityCode, since, CallerOf(context), context.CancellationToken);
        // Headers go out once the subscription holds: a client that has them will not miss a change from then on.
        await context.WriteResponseHeadersAsync([]);
        try
        {
            await foreach (var referral in session.ChangesAsync(tokenLifetime.Token))
            {
                var latest = referral.History[^1];
                await responseStream.WriteAsync(new Proto.ReferralChange
                {
                    ReferralId = referral.Id.ToString(),
                    Status = GrpcMapper.ToProto<ReferralStatus, Proto.ReferralStatus>(referral.Status),
                    Version = referral.Version,
                    Actor = latest.Actor,
                    At = Timestamp.FromDateTimeOffset(latest.At),
                    Referral = Map(referral),
                }, tokenLifetime.Token);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The caller hung up.
        }
        catch (OperationCanceledException) when (tokenLifetime.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated,
                "El token de acceso venció y la suscripción terminó: vuelva a conectarse con un token nuevo."));
        }
    }

    private Caller? _reader;

    /// <summary>Shows the person as much as the caller may see (read from the call's token once: one instance per call).</summary>
    private Proto.Referral Map(Referral referral) =>
        GrpcMapper.ToProto(referral, clock.GetUtcNow(), options.Value.Deadlines,
            PersonDisclosure.For(_reader ??= Caller.From(http.HttpContext!.User), referral, reasonGiven: false));

    private static Caller CallerOf(ServerCallContext context) => Caller.From(context.GetHttpContext().User);
}
