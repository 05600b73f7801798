using Boards.BuildingBlocks.Errors;
using Boards.Referrals.Api;
using Boards.Referrals.Features.Common;
using Google.Rpc;

namespace Boards.Referrals.Tests.Api;

/// <summary>Application errors become gRPC status codes with google.rpc details an integrator can act on.</summary>
public sealed class GrpcErrorMappingTests
{
    private static readonly IApiErrorMapper[] Mappers = [new ReferralErrorMapper(), new CommonErrorMapper()];

    private static RpcException Map(Exception exception) =>
        GrpcErrorInterceptor.ToRpc(ApiErrors.Resolve(Mappers, exception)
                                   ?? throw new Xunit.Sdk.XunitException($"{exception.GetType().Name} was not mapped."));

    [Theory]
    [InlineData("person.birthDate", "person.birth_date")]
    [InlineData("requestId", "request_id")]
    [InlineData("consent.overrideJustification", "consent.override_justification")]
    [InlineData("counterReferral.attendedOn", "counter_referral.attended_on")]
    [InlineData("priority", "priority")]
    [InlineData("note", "note")]
    public void Field_paths_are_spelled_as_in_the_proto(string field, string protoPath)
    {
        Assert.Equal(protoPath, GrpcErrorInterceptor.ToProtoPath(field));
    }

    [Fact]
    public void A_validation_failure_is_invalid_argument_with_one_bad_request_violation_per_message()
    {
        var exception = new ValidationFailedException(new Dictionary<string, string[]>
        {
            ["person.birthDate"] = ["La fecha de nacimiento debe tener el formato AAAA-MM-DD."],
            ["priority"] = ["Indique la prioridad: urgent, high o normal."],
            ["consent.given"] = ["Se requiere el consentimiento.", "Segundo mensaje."],
        });

        var rpc = Map(exception);

        Assert.Equal(StatusCode.InvalidArgument, rpc.StatusCode);
        var status = rpc.GetRpcStatus();
        Assert.NotNull(status);
        Assert.Equal((int)Code.InvalidArgument, status.Code);
        var badRequest = status.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Equal(
            [
                ("consent.given", "Se requiere el consentimiento."),
                ("consent.given", "Segundo mensaje."),
                ("person.birth_date", "La fecha de nacimiento debe tener el formato AAAA-MM-DD."),
                ("priority", "Indique la prioridad: urgent, high o normal."),
            ],
            badRequest.FieldViolations.Select(v => (v.Field, v.Description)).OrderBy(v => v.Field, StringComparer.Ordinal).ThenBy(v => v.Description, StringComparer.Ordinal).ToList());
        Assert.Contains("person.birth_date", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_domain_rule_broken_by_one_field_is_invalid_argument_on_that_field()
    {
        var rpc = Map(new DomainValidationException("counterReferral.attendedOn", "Indique la fecha."));

        Assert.Equal(StatusCode.InvalidArgument, rpc.StatusCode);
        var violation = Assert.Single(rpc.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal("counter_referral.attended_on", violation.Field);
        Assert.Equal("Indique la fecha.", violation.Description);
    }

    [Fact]
    public void An_illegal_transition_is_failed_precondition_naming_the_current_state()
    {
        var rpc = Map(new IllegalTransitionException(ReferralStatus.InProgress, "aceptar"));

        Assert.Equal(StatusCode.FailedPrecondition, rpc.StatusCode);
        var status = rpc.GetRpcStatus()!;
        Assert.Contains("en atención", status.Message, StringComparison.Ordinal);
        var violation = Assert.Single(status.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal("STATE", violation.Type);
        Assert.Equal("in_progress", violation.Subject);
    }

    [Fact]
    public void A_concurrency_conflict_is_aborted()
    {
        var rpc = Map(new ConcurrencyConflictException("La referencia cambió: versión 4, esperaba 3."));

        Assert.Equal(StatusCode.Aborted, rpc.StatusCode);
        Assert.Equal("La referencia cambió: versión 4, esperaba 3.", rpc.Status.Detail);
    }

    [Fact]
    public void Not_found_is_not_found()
    {
        Assert.Equal(StatusCode.NotFound, Map(new NotFoundException("No existe.")).StatusCode);
    }

    [Fact]
    public void Out_of_scope_is_permission_denied()
    {
        Assert.Equal(StatusCode.PermissionDenied, Map(new ForbiddenException("Fuera de su alcance.")).StatusCode);
    }

    [Fact]
    public void A_request_id_reused_with_other_content_is_already_exists()
    {
        Assert.Equal(StatusCode.AlreadyExists, Map(new AlreadyExistsException("Ya se usó.")).StatusCode);
    }

    [Fact]
    public void An_unexpected_exception_is_left_alone_so_it_surfaces_as_internal()
    {
        Assert.Null(ApiErrors.Resolve(Mappers, new InvalidOperationException("bug")));
    }

    [Fact]
    public async Task The_unary_handler_turns_an_application_error_into_its_status()
    {
        var interceptor = new GrpcErrorInterceptor(Mappers);

        var rpc = await Assert.ThrowsAsync<RpcException>(() => interceptor.UnaryServerHandler<string, string>(
            "request", null!, (_, _) => throw new NotFoundException("No existe la referencia.")));

        Assert.Equal(StatusCode.NotFound, rpc.StatusCode);
        Assert.Equal("No existe la referencia.", rpc.Status.Detail);
    }

    [Fact]
    public async Task The_unary_handler_lets_unexpected_exceptions_through_unchanged()
    {
        var interceptor = new GrpcErrorInterceptor(Mappers);

        await Assert.ThrowsAsync<InvalidOperationException>(() => interceptor.UnaryServerHandler<string, string>(
            "request", null!, (_, _) => throw new InvalidOperationException("bug")));
    }
}
