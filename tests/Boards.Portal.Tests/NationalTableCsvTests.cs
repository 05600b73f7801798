using System.Text;
using Boards.Portal.Ministry;

namespace Boards.Portal.Tests;

/// <summary>The national table's CSV: Spanish Excel's dialect, and no cell that a spreadsheet would run as a formula.</summary>
public sealed class NationalTableCsvTests
{
    [Fact]
    public void A_name_that_starts_like_a_formula_is_exported_as_text_and_numbers_stay_numbers()
    {
        var rows = new[]
        {
            new MunicipalitySummaryView
            {
                Code = "villa-formula", Name = "=HYPERLINK(\"http://evil.example\";\"clic\")", Department = "@SUM(1+1)",
                Referrals = new ReferralCountsView { Sent = 12, Open = 3 }, ClosedLoopRate = 0.405,
            },
        };

        var bytes = NationalTable.Csv(rows);
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.StartsWith("Código;Municipio;Departamento;Referencias enviadas;", lines[0]);
        Assert.Equal("villa-formula;\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"clic\"\")\";\"'@SUM(1+1)\";12;3;0;40,5" + new string(';', 11), lines[1]);
    }
}
