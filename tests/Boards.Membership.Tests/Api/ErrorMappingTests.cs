using Boards.Membership.Api;
using Google.Rpc;
using Grpc.Core;

namespace Boards.Membership.Tests.Api;

public sealed class ErrorMappingTests
{
    private static readonly IApiErrorMapper[] Mappers = [new MembershipErrorMapper(), new CommonErrorMapper()];

    private static RpcException? ToRpc(Exception exception) =>
        ApiErrors.Resolve(Mappers, exception) is { } error ? GrpcErrorInterceptor.ToRpc(error) : null;

    [Fact]
    public void Field_errors_become_invalid_argument_with_snake_case_field_violations()
    {
        var rpc = ToRpc(new ValidationFailedException(new Dictionary<string, string[]>
        {
            ["municipalityCode"] = ["Indique el código del municipio."],
            ["territory.area"] = ["Indique si es urbana o rural."],
        }));

        Assert.NotNull(rpc);
        Assert.Equal(StatusCode.InvalidArgument, rpc.StatusCode);
        var violations = rpc.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field).ToList();
        Assert.Equal(["municipality_code", "territory.area"], violations);
    }

    [Fact]
    public void A_board_rule_is_a_failed_precondition_naming_the_rule()
    {
        var rpc = ToRpc(new BoardRuleException("focal_point_required", "Designe primero a otro punto focal."));

        Assert.NotNull(rpc);
        Assert.Equal(StatusCode.FailedPrecondition, rpc.StatusCode);
        var violation = Assert.Single(rpc.GetRpcStatus()!.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal("focal_point_required", violation.Subject);
    }

    [Fact]
    public void Scope_absence_and_concurrency_map_to_their_codes()
    {
        Assert.Equal(StatusCode.PermissionDenied, ToRpc(new ForbiddenException("x"))!.StatusCode);
        Assert.Equal(StatusCode.NotFound, ToRpc(new NotFoundException("x"))!.StatusCode);
        Assert.Equal(StatusCode.Aborted, ToRpc(new ConcurrencyConflictException("x"))!.StatusCode);
        Assert.Null(ToRpc(new InvalidOperationException("a bug stays a bug")));
    }
}
