using Boards.BuildingBlocks.ReferenceData;

namespace Boards.BuildingBlocks.Tests.ReferenceData;

/// <summary>The reader of the shipped reference data and demo accounts.</summary>
public sealed class CsvTests
{
    [Fact]
    public void Fields_may_be_quoted_with_commas_quotes_and_line_breaks_and_columns_are_named_in_any_case()
    {
        var rows = Csv.Parse("code, name\r\nmtess,\"Ministerio de Trabajo, Empleo y Seguridad Social\"\nx,\"dice \"\"hola\"\"\nde nuevo\"\n\n");

        Assert.Equal(2, rows.Count);
        Assert.Equal("Ministerio de Trabajo, Empleo y Seguridad Social", rows[0]["name"]);
        Assert.Equal("dice \"hola\"\nde nuevo", rows[1]["NAME"]);
    }

    [Fact]
    public void A_short_row_reads_its_missing_columns_as_empty()
    {
        var row = Assert.Single(Csv.Parse("code,name,department\nyhu,Yhú\n"));

        Assert.Equal(("yhu", "Yhú", ""), (row["code"], row["name"], row["department"]));
    }
}
