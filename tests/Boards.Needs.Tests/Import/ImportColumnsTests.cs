using Boards.BuildingBlocks.Import;
using Boards.Needs.Features.ImportNeeds;
using Boards.Needs.Features.ImportOffer;

namespace Boards.Needs.Tests.Import;

/// <summary>The Spanish words and API codes of the offer and needs files (how they are normalized: BuildingBlocks' ImportTextTests).</summary>
public sealed class ImportColumnsTests
{
    [Fact]
    public void Every_spanish_word_and_api_code_maps_to_its_value()
    {
        Assert.Equal(Boards.Needs.Domain.Offer.ServiceChannel.ServiceDay, OfferImportColumns.Channels[ImportText.Normalize("Jornada")]);
        Assert.Equal(Boards.Needs.Domain.Offer.ServiceChannel.HomeVisit, OfferImportColumns.Channels["home_visit"]);
        Assert.Equal(Boards.Needs.Domain.Offer.CapacityStatus.Full, OfferImportColumns.Statuses[ImportText.Normalize("Sin cupo")]);
        Assert.Equal(Boards.Needs.Domain.Offer.WaitlistBand.Under1Month, OfferImportColumns.Bands[ImportText.Normalize("Menos de 1 mes")]);
        Assert.Equal(Boards.Needs.Domain.Assessment.PopulationGroup.Indigenous, NeedImportColumns.Groups[ImportText.Normalize("Indígenas")]);
        Assert.Equal(Boards.Needs.Domain.Assessment.EvidenceSource.ReferralStatistics, NeedImportColumns.Sources[ImportText.Normalize("Estadísticas de referencias")]);
        Assert.Equal("oficina, unidad_de_salud, jornada_de_servicios, visita_domiciliaria", ImportText.Accepted(OfferImportColumns.Channels));
    }
}
