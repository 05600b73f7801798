using Boards.BuildingBlocks.Errors;
using Boards.Needs.Domain.Offer;
using Boards.Needs.Features.Common;
using Boards.Needs.Features.UpdateService;

namespace Boards.Needs.Tests.Features;

public sealed class OfferValidatorTests
{
    private static readonly HashSet<string> Categories = ["health", "food_security"];

    private static UpdateServiceCommand Valid => new()
    {
        Name = " Unidad de Salud de la Familia ",
        Program = "USF",
        InstitutionCode = "MSPBS",
        Categories = ["health", "health"],
        EligibilitySummary = "Toda persona del territorio.",
        Channel = "health_unit",
        CapacityStatus = "waitlist",
        WaitlistBand = "under_1_month",
    };

    private static (ValidOffer? Offer, FieldErrors Errors) Run(OfferedServiceInput input)
    {
        var errors = new FieldErrors();
        return (OfferValidator.Validate(errors, input, code => code is "mds" or "mspbs", Categories), errors);
    }

    [Fact]
    public void A_valid_entry_is_trimmed_normalized_and_deduplicated()
    {
        var (offer, errors) = Run(Valid);

        Assert.False(errors.Any);
        Assert.Equal("Unidad de Salud de la Familia", offer!.Name);
        Assert.Equal("mspbs", offer.InstitutionCode);
        Assert.Equal(["health"], offer.Categories);
        Assert.Equal((ServiceChannel.HealthUnit, CapacityStatus.Waitlist, (WaitlistBand?)WaitlistBand.Under1Month), (offer.Channel, offer.CapacityStatus, offer.WaitlistBand));
    }

    [Theory]
    [InlineData("waitlist", null, false)]
    [InlineData("waitlist", "someday", false)]
    [InlineData("available", "under_1_month", false)]
    [InlineData("full", null, true)]
    [InlineData("available", "", true)]
    public void The_band_is_required_exactly_with_a_waitlist(string status, string? band, bool valid)
    {
        var (_, errors) = Run(Valid with { CapacityStatus = status, WaitlistBand = band });

        Assert.Equal(valid, !errors.Any);
    }

    [Theory]
    [InlineData("tekopora", true)]
    [InlineData("tekopora-mbarete", true)]
    [InlineData("usf-2", true)]
    [InlineData("Tekopora", false)]
    [InlineData("tekoporã", false)]
    [InlineData("-usf", false)]
    [InlineData("usf_2", false)]
    public void Service_codes_are_lower_case_slugs(string code, bool valid)
    {
        var errors = new FieldErrors();

        var parsed = OfferValidator.ServiceCode(errors, code);

        Assert.Equal(valid, parsed is not null);
        Assert.Equal(valid, !errors.Any);
    }
}
