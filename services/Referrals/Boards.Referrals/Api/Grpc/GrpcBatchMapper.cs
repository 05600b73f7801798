using Boards.Referrals.Features.BatchCreateReferrals;
using Proto = Boards.Referrals.Contracts.Grpc;

namespace Boards.Referrals.Api.Grpc;

/// <summary>BatchCreateReferrals between the contract and the feature. Field paths go out in proto spelling (snake_case).</summary>
public static class GrpcBatchMapper
{
    public static BatchCreateReferralsCommand ToCommand(Proto.BatchCreateReferralsRequest request) => new()
    {
        Items = request.Items.Select(item => new BatchReferralItemInput
        {
            ReferenceId = item.ReferenceId,
            Referral = item.Referral is null ? null : GrpcMapper.ToCommand(item.Referral),
        }).ToList(),
    };

    public static Proto.BatchReferralResult ToProto(BatchItemResult result, Func<Domain.Referral, Proto.Referral> map)
    {
        var message = new Proto.BatchReferralResult { ReferenceId = result.ReferenceId, Replayed = result.Replayed };
        if (result.Error is { } error)
        {
            message.Error = ToProto(error);
        }
        else
        {
            message.Referral = map(result.Referral!);
        }

        return message;
    }

    private static Proto.BatchItemError ToProto(ApiError error)
    {
        var message = new Proto.BatchItemError
        {
            Code = BatchItemErrors.CodeName(error.Kind),
            Message = error.Detail,
            PreconditionType = error.Subject is null ? "" : error.PreconditionType ?? "STATE",
            PreconditionSubject = error.Subject ?? "",
        };
        foreach (var (field, descriptions) in error.FieldErrors ?? new Dictionary<string, string[]>())
        {
            message.FieldViolations.AddRange(descriptions.Select(description =>
                new Proto.BatchFieldViolation { Field = GrpcErrorInterceptor.ToProtoPath(field), Description = description }));
        }

        return message;
    }
}
