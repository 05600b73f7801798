using Boards.BuildingBlocks.Errors;
using Boards.Referrals.Api.Grpc;
using Boards.Referrals.Features.Common;
using Boards.Referrals.Tests.Domain;
using Proto = Boards.Referrals.Contracts.Grpc;

namespace Boards.Referrals.Tests.Api;

/// <summary>Domain and proto enums share names and numbers; the proto's zero (UNSPECIFIED) means "missing".</summary>
public sealed class GrpcMapperTests
{
    private static void AssertRoundTrip<TDomain, TProto>()
        where TDomain : struct, Enum
        where TProto : struct, Enum
    {
        foreach (var value in Enum.GetValues<TDomain>())
        {
            var proto = GrpcMapper.ToProto<TDomain, TProto>(value);

            Assert.True(Enum.IsDefined(proto), $"{typeof(TDomain).Name}.{value} has no {typeof(TProto).FullName} counterpart.");
            Assert.Equal(value.ToString(), proto.ToString());
            Assert.Equal(value, GrpcMapper.FromProto<TProto, TDomain>(proto));
        }

        // Every proto value but UNSPECIFIED has a domain counterpart.
        Assert.Equal(Enum.GetValues<TDomain>().Length, Enum.GetValues<TProto>().Length - 1);
    }

    [Fact]
    public void Referral_status_maps_one_to_one() => AssertRoundTrip<ReferralStatus, Proto.ReferralStatus>();

    [Fact]
    public void Priority_maps_one_to_one() => AssertRoundTrip<Priority, Proto.Priority>();

    [Fact]
    public void Rejection_reason_maps_one_to_one() => AssertRoundTrip<RejectionReason, Proto.RejectionReason>();

    [Fact]
    public void Cancellation_reason_maps_one_to_one() => AssertRoundTrip<CancellationReason, Proto.CancellationReason>();

    [Fact]
    public void Outcome_maps_one_to_one() => AssertRoundTrip<Outcome, Proto.Outcome>();

    [Fact]
    public void Sex_maps_one_to_one() => AssertRoundTrip<Sex, Proto.Sex>();

    [Fact]
    public void Unspecified_maps_to_missing()
    {
        Assert.Null(GrpcMapper.FromProto<Proto.Priority, Priority>(Proto.Priority.Unspecified));
        Assert.Null(GrpcMapper.FromProto<Proto.ReferralStatus, ReferralStatus>(Proto.ReferralStatus.Unspecified));
        Assert.Null(GrpcMapper.FromProto<Proto.Outcome, Outcome>(Proto.Outcome.Unspecified));
        Assert.Null(GrpcMapper.FromProto<Proto.Sex, Sex>(Proto.Sex.Unspecified));
        Assert.Null(GrpcMapper.FromProto<Proto.RejectionReason, RejectionReason>(Proto.RejectionReason.Unspecified));
    }

    [Fact]
    public void A_number_the_domain_does_not_know_maps_to_missing()
    {
        Assert.Null(GrpcMapper.FromProto<Proto.Priority, Priority>((Proto.Priority)99));
        Assert.Null(GrpcMapper.FromProto<Proto.Outcome, Outcome>((Proto.Outcome)(-1)));
    }

    [Fact]
    public void An_unspecified_status_filter_is_a_validation_error_on_that_field()
    {
        var exception = Assert.Throws<ValidationFailedException>(() =>
            GrpcMapper.FromProtoStatus(Proto.ReferralStatus.Unspecified, "status"));

        Assert.Equal(["status"], exception.Errors.Keys);
        Assert.Equal(ReferralStatus.OnHold, GrpcMapper.FromProtoStatus(Proto.ReferralStatus.OnHold, "status"));
    }

    [Fact]
    public void A_create_request_with_unspecified_enums_becomes_a_command_with_missing_values_the_validator_reports()
    {
        var request = new Proto.CreateReferralRequest
        {
            RequestId = "r-1",
            MunicipalityCode = "alto-vera",
            Priority = Proto.Priority.Unspecified,
            Person = new Proto.Person { GivenNames = "Ana", BirthDate = "2001-02-03", Sex = Proto.Sex.Unspecified },
        };

        var command = GrpcMapper.ToCommand(request);

        Assert.Null(command.Priority);
        Assert.Null(command.Person!.Sex);
        Assert.Equal("Ana", command.Person.GivenNames);
        Assert.Equal("2001-02-03", command.Person.BirthDate);
        Assert.Null(command.Consent);
    }

    [Fact]
    public void A_create_request_maps_every_field()
    {
        var request = new Proto.CreateReferralRequest
        {
            RequestId = "r-1",
            MunicipalityCode = "alto-vera",
            DestinationMunicipalityCode = "itanara",
            OriginInstitution = "mds",
            DestinationInstitution = "mec",
            ServiceCode = "tekopora",
            NeedCategory = "income",
            Priority = Proto.Priority.Urgent,
            Reason = "motivo",
            Person = new Proto.Person { DocumentNumber = "123", NoDocument = false, FamilyNames = "Benítez", Sex = Proto.Sex.Female, Phone = "0981", Locality = "Centro" },
            Consent = new Proto.Consent { Given = false, Overridden = true, OverrideJustification = "riesgo", GivenBy = "x" },
            PreviousReferralId = "0198a2b4-0000-7000-8000-000000000000",
        };

        var command = GrpcMapper.ToCommand(request);

        Assert.Equal(Priority.Urgent, command.Priority);
        Assert.Equal(Sex.Female, command.Person!.Sex);
        Assert.Equal(("itanara", "mds", "mec", "tekopora", "income", "motivo"),
            (command.DestinationMunicipalityCode, command.OriginInstitution, command.DestinationInstitution, command.ServiceCode, command.NeedCategory, command.Reason));
        Assert.Equal(("123", "Benítez", "0981", "Centro"), (command.Person.DocumentNumber, command.Person.FamilyNames, command.Person.Phone, command.Person.Locality));
        Assert.True(command.Consent!.Overridden);
        Assert.Equal("riesgo", command.Consent.OverrideJustification);
        Assert.Equal("0198a2b4-0000-7000-8000-000000000000", command.PreviousReferralId);
    }

    [Fact]
    public void A_counter_referral_maps_its_outcome_and_unspecified_to_missing()
    {
        var input = GrpcMapper.ToInput(new Proto.CounterReferral
        {
            Attended = true,
            AttendedOn = "2026-03-03",
            Outcome = Proto.Outcome.PartiallyHelped,
            ServicesDelivered = { "tekopora", "pension" },
            AnsweredBy = "Lic. Gómez",
        })!;

        Assert.Equal(Outcome.PartiallyHelped, input.Outcome);
        Assert.Equal(["tekopora", "pension"], input.ServicesDelivered!);
        Assert.Null(GrpcMapper.ToInput(new Proto.CounterReferral())!.Outcome);
        Assert.Null(GrpcMapper.ToInput(null));
    }

    [Fact]
    public void A_referral_maps_to_proto_with_its_history_and_the_creation_line_from_unspecified()
    {
        var referral = TestReferrals.InState(ReferralStatus.InProgress);

        var message = GrpcMapper.ToProto(referral, TestReferrals.T0.AddDays(1), TestReferrals.Policy, PersonData.Full);

        Assert.Equal(referral.Id.ToString(), message.Id);
        Assert.Equal(Proto.ReferralStatus.InProgress, message.Status);
        Assert.Equal(Proto.Priority.Normal, message.Priority);
        Assert.Equal(referral.Version, message.Version);
        Assert.Equal("1988-05-14", message.Person.BirthDate);
        Assert.Equal(
            [
                (Proto.ReferralStatus.Unspecified, Proto.ReferralStatus.Requested),
                (Proto.ReferralStatus.Requested, Proto.ReferralStatus.Accepted),
                (Proto.ReferralStatus.Accepted, Proto.ReferralStatus.InProgress),
            ],
            message.History.Select(h => (h.From, h.To)).ToList());
        Assert.NotNull(message.CounterReferBy);
        Assert.Null(message.CounterReferral);
    }
}
