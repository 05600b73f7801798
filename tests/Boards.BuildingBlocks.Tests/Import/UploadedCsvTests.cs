using System.Text;
using Boards.BuildingBlocks.Import;

namespace Boards.BuildingBlocks.Tests.Import;

/// <summary>The reader of uploaded CSV files that Membership's member import and Needs' offer and needs imports share.</summary>
public sealed class UploadedCsvTests
{
    [Fact]
    public void Commas_are_the_default_and_fields_are_trimmed()
    {
        var table = UploadedCsv.Parse("nombre,institucion\n Ana , Municipalidad \n", 100);

        Assert.Equal(',', table.Separator);
        Assert.Equal(["nombre", "institucion"], table.Header);
        var record = Assert.Single(table.Records);
        Assert.Equal(2, record.Line);
        Assert.Equal(["Ana", "Municipalidad"], record.Fields);
        Assert.Empty(table.Errors);
    }

    [Theory]
    [InlineData("nombre;institucion;sector\nA, B;C;D\n", ';')]
    [InlineData("nombre,institucion,sector\nA;B,C,D\n", ',')]
    [InlineData("\"a,b,c\";d\nx;y\n", ';')]
    [InlineData("nombre\nAna\n", ',')]
    public void The_separator_is_the_one_the_file_uses(string text, char separator) =>
        Assert.Equal(separator, UploadedCsv.Parse(text, 100).Separator);

    [Theory]
    [InlineData("a")]
    [InlineData("")]
    [InlineData("\"")]
    [InlineData("\"a\"")]
    public void A_field_full_of_quotes_is_read_in_work_linear_in_its_length(string start)
    {
        // Reported: 80,000 / 120,000 / 160,000 quotes took 4.6 / 10.5 / 19 s of a core. The work is measured as the
        // bytes the parse allocates, which the old reader grew with the square of the field (a copy per quote).
        long Allocated(int quotes)
        {
            var text = "nombre,institucion\n" + start + new string('"', quotes) + ",USF\nAna,USF\n";
            var before = GC.GetAllocatedBytesForCurrentThread();
            var table = UploadedCsv.Parse(text, 100);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(["nombre", "institucion"], table.Header);
            return allocated;
        }

        Allocated(100);
        var small = Allocated(20_000);
        var large = Allocated(80_000);

        Assert.True(large < 6 * small, $"20.000 comillas: {small} bytes; 80.000: {large} bytes (lineal: unas 4 veces).");
    }

    [Fact]
    public void A_megabyte_of_quotes_in_one_field_is_answered_with_the_row_and_no_hang()
    {
        var table = UploadedCsv.Parse("nombre,institucion\na" + new string('"', 1 << 20) + ",USF\n", 100);

        Assert.Equal(2, Assert.Single(table.Records).Line);
    }

    [Fact]
    public void A_parse_that_runs_out_of_its_time_budget_stops_with_a_spanish_error_and_no_rows()
    {
        var table = UploadedCsv.Parse("nombre,institucion\nAna,USF\nRosa,USF\n", 100, budget: TimeSpan.Zero);

        Assert.Empty(table.Records);
        Assert.Contains("tardó más de", Assert.Single(table.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_kept_as_text()
    {
        var table = UploadedCsv.Parse("nombre,institucion\nJuan \"Pepe\" Pérez,USF\n", 100);

        Assert.Empty(table.Errors);
        Assert.Equal("Juan \"Pepe\" Pérez", Assert.Single(table.Records).Fields[0]);
    }

    [Fact]
    public void A_utf8_bom_is_skipped_a_semicolon_header_makes_semicolon_the_separator_and_accents_survive()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("nombre;institución\r\nMaría Ñandutí;Comisión, Tekoporã\r\n")).ToArray();

        var table = UploadedCsv.Parse(bytes, 100);

        Assert.Equal(';', table.Separator);
        Assert.Equal(["nombre", "institución"], table.Header);
        Assert.Equal(["María Ñandutí", "Comisión, Tekoporã"], Assert.Single(table.Records).Fields);
        Assert.Empty(table.Errors);
    }

    [Fact]
    public void Quoted_fields_keep_separators_doubled_quotes_and_line_breaks_and_lines_stay_physical()
    {
        const string text = "nombre,institucion\n" +
                            "\"Benítez, Ana\",\"Comité \"\"Las Flores\"\"\"\n" +
                            "\"Rosa\nMartínez\",USF\n" +
                            "\n" +
                            "Carlos,\"A, B\"\r\n";

        var table = UploadedCsv.Parse(text, 100);

        Assert.Empty(table.Errors);
        Assert.Equal(3, table.Records.Count);
        Assert.Equal((2, "Benítez, Ana", "Comité \"Las Flores\""), (table.Records[0].Line, table.Records[0].Fields[0], table.Records[0].Fields[1]));
        Assert.Equal((3, "Rosa\nMartínez"), (table.Records[1].Line, table.Records[1].Fields[0]));
        Assert.Equal((6, "A, B"), (table.Records[2].Line, table.Records[2].Fields[1]));
    }

    [Fact]
    public void An_unclosed_quote_is_an_error_of_the_whole_row_on_the_line_where_it_opened()
    {
        var table = UploadedCsv.Parse("nombre,institucion\nAna,USF\nRosa,\"USF\nCarlos,USF\n", 100);

        var error = Assert.Single(table.Errors);
        Assert.Equal((3, (string?)null), (error.Line, error.Column));
        Assert.Contains("comillas", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_an_error_of_the_whole_row()
    {
        var table = UploadedCsv.Parse("nombre,institucion\n\"Ana\" Benítez,USF\n", 100);

        var error = Assert.Single(table.Errors);
        Assert.Equal((2, (string?)null), (error.Line, error.Column));
    }

    [Fact]
    public void A_file_that_is_not_utf8_names_the_line_of_the_first_bad_byte()
    {
        var bytes = Encoding.UTF8.GetBytes("nombre,institucion\nAna,USF\n").Concat(Encoding.Latin1.GetBytes("María,Comisión\n")).ToArray();

        var table = UploadedCsv.Parse(bytes, 100);

        var error = Assert.Single(table.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_an_error_and_rows_past_the_limit_are_flagged()
    {
        Assert.Single(UploadedCsv.Parse("\n\n", 10).Errors);
        Assert.Single(UploadedCsv.Parse("\r\n \r\n", 10).Errors);

        var big = UploadedCsv.Parse("nombre\n" + string.Concat(Enumerable.Range(1, 11).Select(i => $"P{i}\n")), 10);

        Assert.True(big.TooManyRows);
        Assert.False(UploadedCsv.Parse("nombre\n" + string.Concat(Enumerable.Range(1, 10).Select(i => $"P{i}\n")), 10).TooManyRows);
    }

    [Fact]
    public void The_empty_file_message_names_the_rows_as_the_caller_calls_them()
    {
        Assert.Equal("El archivo está vacío: debe tener una fila de encabezados y al menos una fila de datos.",
            Assert.Single(UploadedCsv.Parse("", 10).Errors).Message);
        Assert.Equal("El archivo está vacío: debe tener una fila de encabezados y al menos una fila de miembros.",
            Assert.Single(UploadedCsv.Parse(Encoding.UTF8.GetBytes("\n"), 10, "miembros").Errors).Message);
    }
}
