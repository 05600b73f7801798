using System.Text;
using Boards.Needs.Features.Import;

namespace Boards.Needs.Tests.Import;

public sealed class ImportCsvTests
{
    [Fact]
    public void A_semicolon_header_makes_semicolon_the_separator_and_a_bom_is_skipped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("código;nombre\r\ntekopora;Tekoporã, Mbarete\r\n")).ToArray();

        var table = ImportCsv.Parse(bytes, 10);

        Assert.Equal(';', table.Separator);
        Assert.Equal(["código", "nombre"], table.Header);
        Assert.Equal(["tekopora", "Tekoporã, Mbarete"], Assert.Single(table.Records).Fields);
        Assert.Empty(table.Errors);
    }

    [Fact]
    public void Quoted_fields_keep_separators_doubled_quotes_and_line_breaks_and_lines_are_counted_as_an_editor_shows_them()
    {
        var table = ImportCsv.Parse("a,b\n\"x, y\",\"dijo \"\"sí\"\"\"\n\n\"dos\nlíneas\",z\nfin,fin\n", 10);

        Assert.Equal([2, 4, 6], table.Records.Select(r => r.Line));
        Assert.Equal(["x, y", "dijo \"sí\""], table.Records[0].Fields);
        Assert.Equal("dos\nlíneas", table.Records[1].Fields[0]);
    }

    [Fact]
    public void An_unclosed_quote_and_text_after_a_closing_quote_are_reported_on_their_line()
    {
        var table = ImportCsv.Parse("a,b\n\"x\"y,1\n\"abierta,2\n", 10);

        Assert.Equal([2, 3], table.Errors.Select(e => e.Line));
        Assert.All(table.Errors, e => Assert.Null(e.Column));
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_reported_with_their_line()
    {
        var latin1 = Encoding.Latin1.GetBytes("a,b\nx,y\nPeñ,z\n");

        var table = ImportCsv.Parse(latin1, 10);

        Assert.Contains("UTF-8", Assert.Single(table.Errors).Message);
        Assert.Equal(3, table.Errors[0].Line);
    }

    [Fact]
    public void An_empty_file_is_an_error_and_more_rows_than_the_limit_are_flagged()
    {
        Assert.Contains("vacío", Assert.Single(ImportCsv.Parse("\r\n \r\n", 10).Errors).Message);
        Assert.True(ImportCsv.Parse("a\n1\n2\n3\n", 2).TooManyRows);
        Assert.False(ImportCsv.Parse("a\n1\n2\n", 2).TooManyRows);
    }
}
