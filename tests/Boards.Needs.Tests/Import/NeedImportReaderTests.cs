using Boards.BuildingBlocks.Import;
using Boards.Needs.Domain.Assessment;
using Boards.Needs.Features.ImportNeeds;

namespace Boards.Needs.Tests.Import;

public sealed class NeedImportReaderTests
{
    private const string Header = "categoria,localidad,grupo_poblacional,personas_afectadas,severidad,fuente_evidencia,notas";

    private static (List<NeedImportRow> Rows, List<ImportError> Errors) Read(params string[] lines) =>
        NeedImportReader.Read(UploadedCsv.Parse(string.Join("\r\n", lines), 100), OfferImportReaderTests.Categories);

    [Theory]
    [InlineData("niñez", PopulationGroup.Children)]
    [InlineData("Ninez", PopulationGroup.Children)]
    [InlineData("adolescencia", PopulationGroup.Adolescents)]
    [InlineData("Personas Mayores", PopulationGroup.Elderly)]
    [InlineData("mujeres jefas de hogar", PopulationGroup.WomenHeadsOfHousehold)]
    [InlineData("indígenas", PopulationGroup.Indigenous)]
    [InlineData("pueblos_indigenas", PopulationGroup.Indigenous)]
    [InlineData("personas_con_discapacidad", PopulationGroup.PersonsWithDisability)]
    [InlineData("women_heads_of_household", PopulationGroup.WomenHeadsOfHousehold)]
    public void Population_groups_in_spanish_or_as_api_codes(string typed, PopulationGroup expected)
    {
        var (rows, errors) = Read(Header, $"health,Centro,{typed},10,3,encuesta,");

        Assert.Empty(errors);
        Assert.Equal(expected, Assert.Single(rows).Need.PopulationGroup);
    }

    [Theory]
    [InlineData("Encuesta", EvidenceSource.Survey)]
    [InlineData("sesión de la mesa", EvidenceSource.BoardSession)]
    [InlineData("jornada_de_servicios", EvidenceSource.ServiceDay)]
    [InlineData("estadísticas de referencias", EvidenceSource.ReferralStatistics)]
    [InlineData("referral_statistics", EvidenceSource.ReferralStatistics)]
    public void Evidence_sources_in_spanish_or_as_api_codes(string typed, EvidenceSource expected)
    {
        var (rows, errors) = Read(Header, $"Salud,Centro,ninez,10,3,{typed},");

        Assert.Empty(errors);
        Assert.Equal(expected, Assert.Single(rows).Need.EvidenceSource);
        Assert.Equal("health", rows[0].Need.Category);
    }

    [Fact]
    public void Every_error_is_reported_and_the_good_rows_keep_their_file_order()
    {
        var (rows, errors) = Read(
            Header,
            "health,Centro,ninez,10,3,encuesta,Primera",
            ",Centro,ancianos,diez,6,,",
            "education,Norte,adolescencia,1.200,2,sesion,Segunda");

        Assert.Equal([2, 4], rows.Select(r => r.Line));
        Assert.Equal(1200, rows[1].Need.PeopleAffected);
        Assert.Equal(
            [(3, "categoria"), (3, "grupo_poblacional"), (3, "personas_afectadas"), (3, "severidad"), (3, "fuente_evidencia")],
            errors.Select(e => (e.Line, e.Column!)));
        Assert.Contains(errors, e => e.Column == "personas_afectadas" && e.Message.Contains("'diez'"));
        Assert.Contains(errors, e => e.Column == "severidad" && e.Message.Contains("1 (leve) a 5"));
    }

    [Fact]
    public void The_notes_column_is_optional_and_header_synonyms_are_accepted()
    {
        var (rows, errors) = Read("Categoría;Barrio;Grupo;Personas;Gravedad;Fuente", "health;Centro;ninez;10;3;encuesta");

        Assert.Empty(errors);
        Assert.Null(Assert.Single(rows).Need.EvidenceNotes);
    }
}
