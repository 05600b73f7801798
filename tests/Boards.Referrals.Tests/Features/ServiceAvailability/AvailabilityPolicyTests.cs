using Boards.BuildingBlocks.Errors;
using Boards.Referrals.Api;
using Boards.Referrals.Features.ServiceAvailability;
using Google.Rpc;

namespace Boards.Referrals.Tests.Features.ServiceAvailability;

/// <summary>What a referral does with the catalog's answer: refuse, warn and flag, record, or go on not verified.</summary>
public sealed class AvailabilityPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    private static AvailabilityAnswer Offered(string status, string? band = null, string message = "respuesta del catálogo.") =>
        new() { Verified = true, Offered = true, CapacityStatus = status, WaitlistBand = band, ServiceName = "USF Centro", Message = message };

    [Fact]
    public void An_available_service_is_recorded_as_verified_and_not_waitlisted()
    {
        var check = AvailabilityPolicy.Decide(Offered("available", message: "'USF Centro' tiene cupo disponible en Pilar."), "pilar", "usf-centro", Now);

        Assert.Equal(AvailabilityVerification.Verified, check.Verification);
        Assert.Equal("available", check.CapacityStatus);
        Assert.Null(check.WaitlistBand);
        Assert.False(check.Waitlisted);
        Assert.Equal("'USF Centro' tiene cupo disponible en Pilar.", check.Message);
        Assert.Equal(Now, check.CheckedAt);
    }

    [Fact]
    public void A_waitlist_is_sent_with_its_band_flagged_and_a_warning()
    {
        var check = AvailabilityPolicy.Decide(
            Offered("waitlist", "one_to_3_months", "'Tekoporã' tiene lista de espera en Pilar (de 1 a 3 meses)."), "pilar", "tekopora", Now);

        Assert.Equal(AvailabilityVerification.Verified, check.Verification);
        Assert.Equal(("waitlist", "one_to_3_months", true), (check.CapacityStatus, check.WaitlistBand, check.Waitlisted));
        Assert.Equal($"'Tekoporã' tiene lista de espera en Pilar (de 1 a 3 meses). {AvailabilityPolicy.WaitlistWarning}", check.Message);
    }

    [Fact]
    public void A_full_service_is_sent_flagged_waitlisted_with_a_warning()
    {
        var check = AvailabilityPolicy.Decide(Offered("full", message: "'USF Centro' no tiene cupo este mes en Pilar."), "pilar", "usf-centro", Now);

        Assert.Equal(("full", null, true), (check.CapacityStatus, check.WaitlistBand, check.Waitlisted));
        Assert.StartsWith("'USF Centro' no tiene cupo este mes en Pilar.", check.Message, StringComparison.Ordinal);
        Assert.Contains("lista de espera", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_that_is_not_offered_is_refused_with_the_catalogs_message()
    {
        var answer = new AvailabilityAnswer { Verified = true, Offered = false, Message = "El servicio 'x' no se ofrece en Pilar." };

        var refused = Assert.Throws<ServiceNotOfferedException>(() => AvailabilityPolicy.Decide(answer, "pilar", "x", Now));

        Assert.Equal(("x", "pilar", "El servicio 'x' no se ofrece en Pilar."), (refused.ServiceCode, refused.MunicipalityCode, refused.Message));
    }

    [Fact]
    public void An_unanswered_check_goes_through_not_verified_with_its_note()
    {
        var check = AvailabilityPolicy.Decide(AvailabilityAnswer.NotVerified(OfferCatalogAvailability.Unreachable), "pilar", "x", Now);

        Assert.Equal(AvailabilityVerification.NotVerified, check.Verification);
        Assert.Null(check.CapacityStatus);
        Assert.False(check.Waitlisted);
        Assert.Equal(OfferCatalogAvailability.Unreachable, check.Message);
    }

    [Fact]
    public void Not_offered_is_failed_precondition_over_grpc_and_409_problem_details_over_rest()
    {
        var error = new ReferralErrorMapper().Map(new ServiceNotOfferedException("x", "pilar", "El servicio 'x' no se ofrece en Pilar."));
        Assert.NotNull(error);

        var rpc = GrpcErrorInterceptor.ToRpc(error);
        Assert.Equal(StatusCode.FailedPrecondition, rpc.StatusCode);
        var violation = Assert.Single(rpc.GetRpcStatus()!.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal(("SERVICE_NOT_OFFERED", "serviceCode", "El servicio 'x' no se ofrece en Pilar."), (violation.Type, violation.Subject, violation.Description));

        var problem = ProblemDetailsErrorHandler.ToProblem(error);
        Assert.Equal(409, problem.Status);
        Assert.Equal("El servicio 'x' no se ofrece en Pilar.", problem.Detail);
        Assert.Equal("x", problem.Extensions["serviceCode"]);
    }
}
