using Boards.BuildingBlocks.Import;

namespace Boards.BuildingBlocks.Tests.Import;

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

    [Theory]
    [InlineData("Ñandutí", "ñanduti")]
    [InlineData("Compañía o barrio", "compañia_o_barrio")]
    public void The_member_import_keeps_the_enye(string typed, string normalized) =>
        Assert.Equal(normalized, ImportText.Normalize(typed, keepEnye: true));

    [Fact]
    public void Spellings_are_looked_up_normalized_and_the_first_of_each_value_is_the_one_listed()
    {
        var values = ImportText.Spellings((1, ["Niñez", "ninos"]), (2, ["Adultos mayores"]));

        Assert.Equal(1, values["ninez"]);
        Assert.Equal(2, values["adultos_mayores"]);
        Assert.Equal("ninez, adultos_mayores", ImportText.Accepted(values));
    }
}
