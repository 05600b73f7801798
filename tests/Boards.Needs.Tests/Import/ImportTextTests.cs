using Boards.Needs.Features.Import;

namespace Boards.Needs.Tests.Import;

public sealed class ImportTextTests
{
    [Theory]
    [InlineData("Niñez", "ninez")]
    [InlineData("  Pueblos Indígenas ", "pueblos_indigenas")]
    [InlineData("sesión-de-la-mesa", "sesion_de_la_mesa")]
    [InlineData("MÁS DE 3 MESES", "mas_de_3_meses")]
    [InlineData("Resumen   elegibilidad", "resumen_elegibilidad")]
    [InlineData("one_to_3_months", "one_to_3_months")]
    public void Values_are_compared_without_case_accents_or_blanks(string typed, string normalized) =>
        Assert.Equal(normalized, ImportText.Normalize(typed));

    [Fact]
    public void Every_spanish_word_and_api_code_maps_to_its_value()
    {
        Assert.Equal(Boards.Needs.Features.Offer.ServiceChannel.ServiceDay, OfferImportColumns.Channels[ImportText.Normalize("Jornada")]);
        Assert.Equal(Boards.Needs.Features.Offer.ServiceChannel.HomeVisit, OfferImportColumns.Channels["home_visit"]);
        Assert.Equal(Boards.Needs.Features.Offer.CapacityStatus.Full, OfferImportColumns.Statuses[ImportText.Normalize("Sin cupo")]);
        Assert.Equal(Boards.Needs.Features.Offer.WaitlistBand.Under1Month, OfferImportColumns.Bands[ImportText.Normalize("Menos de 1 mes")]);
        Assert.Equal(Boards.Needs.Features.Assessment.PopulationGroup.Indigenous, NeedImportColumns.Groups[ImportText.Normalize("Indígenas")]);
        Assert.Equal(Boards.Needs.Features.Assessment.EvidenceSource.ReferralStatistics, NeedImportColumns.Sources[ImportText.Normalize("Estadísticas de referencias")]);
        Assert.Equal("oficina, unidad_de_salud, jornada_de_servicios, visita_domiciliaria", ImportText.Accepted(OfferImportColumns.Channels));
    }
}
