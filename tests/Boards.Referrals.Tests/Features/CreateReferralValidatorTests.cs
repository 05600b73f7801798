using Boards.BuildingBlocks.Errors;
using Boards.Referrals.Features.Common;
using Boards.Referrals.Features.CreateReferral;

namespace Boards.Referrals.Tests.Features;

/// <summary>The shape of a create request: every problem reported at once, under the camelCase path the caller sent.</summary>
public sealed class CreateReferralValidatorTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static CreateReferralCommand Valid() => new()
    {
        RequestId = "sigbe-2026-000123",
        MunicipalityCode = "alto-vera",
        OriginInstitution = "mds",
        DestinationInstitution = "mec",
        ServiceCode = "tekopora",
        NeedCategory = "income",
        Priority = Priority.High,
        Reason = "Familia sin ingresos estables.",
        Person = new PersonInput
        {
            DocumentNumber = "4.567.890",
            GivenNames = "María José",
            FamilyNames = "Benítez",
            BirthDate = "1988-05-14",
            Sex = Sex.Female,
            Phone = " 0981 123 456 ",
        },
        Consent = new ConsentInput { Given = true, GivenBy = "la persona" },
    };

    private static IReadOnlyDictionary<string, string[]> Errors(CreateReferralCommand command) =>
        Assert.Throws<ValidationFailedException>(() => CreateReferralValidator.Validate(command, Today)).Errors;

    [Fact]
    public void A_valid_request_becomes_a_domain_request()
    {
        var request = CreateReferralValidator.Validate(Valid(), Today);

        Assert.Equal("sigbe-2026-000123", request.RequestId);
        Assert.Equal(Priority.High, request.Priority);
        Assert.Equal(new DateOnly(1988, 5, 14), request.Person.BirthDate);
        Assert.Equal("4.567.890", request.Person.DocumentNumber);
        Assert.False(request.Person.NoDocument);
        Assert.Equal("0981 123 456", request.Person.Phone);
        Assert.True(request.Consent.Given);
        Assert.False(request.Consent.Overridden);
        Assert.Null(request.PreviousReferralId);
    }

    [Fact]
    public void Without_a_destination_municipality_the_referral_stays_in_the_origin_municipality()
    {
        var request = CreateReferralValidator.Validate(Valid(), Today);

        Assert.Equal("alto-vera", request.DestinationMunicipalityCode);
    }

    [Fact]
    public void Codes_are_trimmed_and_lowercased()
    {
        var request = CreateReferralValidator.Validate(Valid() with
        {
            MunicipalityCode = "  Alto-Vera ",
            DestinationMunicipalityCode = "ITANARA",
            OriginInstitution = "MDS",
            DestinationInstitution = " Mec",
            ServiceCode = "TEKOPORA",
            NeedCategory = "Income",
        }, Today);

        Assert.Equal("alto-vera", request.MunicipalityCode);
        Assert.Equal("itanara", request.DestinationMunicipalityCode);
        Assert.Equal("mds", request.OriginInstitution);
        Assert.Equal("mec", request.DestinationInstitution);
        Assert.Equal("tekopora", request.ServiceCode);
        Assert.Equal("income", request.NeedCategory);
    }

    [Fact]
    public void An_empty_request_reports_every_missing_field_at_once()
    {
        var errors = Errors(new CreateReferralCommand());

        Assert.Equal(
            new[]
            {
                "consent", "destinationInstitution", "municipalityCode", "needCategory", "originInstitution", "person",
                "priority", "reason", "requestId", "serviceCode",
            },
            errors.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.All(errors.Values, messages => Assert.NotEmpty(messages));
    }

    [Fact]
    public void Empty_person_and_consent_report_each_of_their_fields_with_a_dotted_camel_case_path()
    {
        var errors = Errors(new CreateReferralCommand { Person = new PersonInput(), Consent = new ConsentInput() });

        Assert.Equal(
            new[]
            {
                "consent.given", "destinationInstitution", "municipalityCode", "needCategory", "originInstitution",
                "person.birthDate", "person.documentNumber", "person.familyNames", "person.givenNames", "person.sex",
                "priority", "reason", "requestId", "serviceCode",
            },
            errors.Keys.Order(StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [InlineData("14/05/1988")]
    [InlineData("1988-5-14")]
    [InlineData("1988-02-30")]
    [InlineData("19880514")]
    [InlineData("mañana")]
    public void A_birth_date_not_in_yyyy_mm_dd_is_reported_on_person_birth_date(string birthDate)
    {
        var errors = Errors(Valid() with { Person = Valid().Person! with { BirthDate = birthDate } });

        Assert.Equal(["person.birthDate"], errors.Keys);
    }

    [Theory]
    [InlineData("2026-03-03")]
    [InlineData("1900-01-01")]
    public void An_implausible_birth_date_is_reported(string birthDate)
    {
        var errors = Errors(Valid() with { Person = Valid().Person! with { BirthDate = birthDate } });

        Assert.Equal(["person.birthDate"], errors.Keys);
    }

    [Fact]
    public void A_document_number_together_with_no_document_is_reported()
    {
        var errors = Errors(Valid() with { Person = Valid().Person! with { NoDocument = true, DocumentNumber = "4567890" } });

        Assert.Equal(["person.documentNumber"], errors.Keys);
    }

    [Fact]
    public void Neither_a_document_number_nor_no_document_is_reported()
    {
        var errors = Errors(Valid() with { Person = Valid().Person! with { NoDocument = false, DocumentNumber = "  " } });

        Assert.Equal(["person.documentNumber"], errors.Keys);
    }

    [Theory]
    [InlineData("...")]
    [InlineData("---")]
    [InlineData(".-.-.")]
    public void A_document_number_without_a_single_letter_or_digit_is_reported(string document)
    {
        // Such a "number" normalizes to nothing, so PersonKey would give every such person the same key.
        var errors = Errors(Valid() with { Person = Valid().Person! with { DocumentNumber = document } });

        Assert.Equal(["person.documentNumber"], errors.Keys);
    }

    [Fact]
    public void No_document_without_a_number_is_valid()
    {
        var request = CreateReferralValidator.Validate(Valid() with { Person = Valid().Person! with { NoDocument = true, DocumentNumber = null } }, Today);

        Assert.True(request.Person.NoDocument);
        Assert.Null(request.Person.DocumentNumber);
    }

    [Theory]
    [InlineData("alto vera")]
    [InlineData("alto/vera")]
    [InlineData("-alto")]
    public void A_code_that_is_not_a_lowercase_slug_is_reported(string code)
    {
        var errors = Errors(Valid() with { MunicipalityCode = code });

        Assert.Equal(["municipalityCode"], errors.Keys);
    }

    [Fact]
    public void An_unknown_priority_is_reported()
    {
        var errors = Errors(Valid() with { Priority = (Priority)42 });

        Assert.Equal(["priority"], errors.Keys);
    }

    [Fact]
    public void Consent_given_without_saying_by_whom_is_reported()
    {
        var errors = Errors(Valid() with { Consent = new ConsentInput { Given = true } });

        Assert.Equal(["consent.givenBy"], errors.Keys);
    }

    [Fact]
    public void A_consent_override_without_justification_is_reported()
    {
        var errors = Errors(Valid() with { Consent = new ConsentInput { Overridden = true, OverrideJustification = " " } });

        Assert.Equal(["consent.overrideJustification"], errors.Keys);
    }

    [Fact]
    public void A_justified_override_is_kept_as_an_override()
    {
        var request = CreateReferralValidator.Validate(
            Valid() with { Consent = new ConsentInput { Overridden = true, OverrideJustification = " Riesgo inminente " } }, Today);

        Assert.True(request.Consent.Overridden);
        Assert.False(request.Consent.Given);
        Assert.Equal("Riesgo inminente", request.Consent.OverrideJustification);
    }

    [Fact]
    public void A_previous_referral_id_that_is_not_a_uuid_is_reported()
    {
        var errors = Errors(Valid() with { PreviousReferralId = "not-a-uuid" });

        Assert.Equal(["previousReferralId"], errors.Keys);
    }

    [Fact]
    public void A_previous_referral_id_is_parsed()
    {
        var previous = Guid.CreateVersion7();

        var request = CreateReferralValidator.Validate(Valid() with { PreviousReferralId = previous.ToString() }, Today);

        Assert.Equal(previous, request.PreviousReferralId);
    }

    [Fact]
    public void A_reason_longer_than_2000_characters_is_reported()
    {
        var errors = Errors(Valid() with { Reason = new string('x', 2001) });

        Assert.Equal(["reason"], errors.Keys);
    }

    [Fact]
    public void Errors_in_several_places_are_all_reported_together()
    {
        var errors = Errors(Valid() with
        {
            Priority = null,
            Person = Valid().Person! with { BirthDate = "14/05/1988" },
            Consent = new ConsentInput(),
        });

        Assert.Equal(["consent.given", "person.birthDate", "priority"], errors.Keys.Order(StringComparer.Ordinal));
    }
}
