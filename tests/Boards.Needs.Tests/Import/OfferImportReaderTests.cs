using Boards.BuildingBlocks.Import;
using Boards.Needs.Domain.Categories;
using Boards.Needs.Domain.Offer;
using Boards.Needs.Features.Common;
using Boards.Needs.Features.ImportOffer;

namespace Boards.Needs.Tests.Import;

public sealed class OfferImportReaderTests
{
    private const string Header = "codigo,nombre,programa,institucion,categorias,resumen_elegibilidad,canal,capacidad_mensual,estado_capacidad,banda_espera";

    internal static readonly ImportCategories Categories = new(
    [
        new NeedCategory { Code = "health", Name = "Salud" },
        new NeedCategory { Code = "food_security", Name = "Seguridad alimentaria" },
        new NeedCategory { Code = "education", Name = "Educación" },
    ]);

    private static (List<OfferImportRow> Rows, List<ImportError> Errors) Read(params string[] lines) =>
        OfferImportReader.Read(UploadedCsv.Parse(string.Join("\n", lines), 100), Categories, code => code is "mds" or "mspbs");

    [Fact]
    public void Spanish_words_and_api_codes_become_the_same_offer()
    {
        var (rows, errors) = Read(
            Header,
            "tekopora,Tekoporã,Tekoporã,MDS,Seguridad Alimentaria|educación|,Hogares pobres.,Visita domiciliaria,\"1.500\",Lista de Espera,De 1 a 3 meses",
            "tekopora-2,Tekoporã,Tekoporã,mds,food_security|education,Hogares pobres.,home_visit,1500,waitlist,one_to_3_months");

        Assert.Empty(errors);
        Assert.Equal(2, rows.Count);
        List<string> same = [];
        Assert.Equal(rows[0].Offer with { Categories = same }, rows[1].Offer with { Categories = same });
        Assert.Equal(["food_security", "education"], rows[0].Offer.Categories);
        Assert.Equal(ServiceChannel.HomeVisit, rows[0].Offer.Channel);
        Assert.Equal(1500, rows[0].Offer.MonthlyCapacity);
        Assert.Equal(WaitlistBand.OneTo3Months, rows[0].Offer.WaitlistBand);
        Assert.Equal(("tekopora", 2), (rows[0].Code, rows[0].Line));
    }

    [Fact]
    public void Every_error_of_every_row_is_reported_with_its_line_and_the_column_as_the_file_spells_it()
    {
        var (rows, errors) = Read(
            "Código,Nombre,Programa,Institución,Categorías,Resumen elegibilidad,Canal,Capacidad mensual,Estado capacidad,Banda espera",
            "ok,Bien,Programa,mds,health,Todos.,oficina,,disponible,",
            "x!,,,nada,,,carta,-3,quizas,",
            "ok,Otra,Programa,mds,health,Todos.,oficina,,lleno,mas_de_3_meses",
            "y,Y,Programa,mds,health,Todos.,oficina,,lista_de_espera,");

        Assert.Single(rows);
        Assert.Equal(
            [
                (3, "Código"), (3, "Nombre"), (3, "Programa"), (3, "Institución"), (3, "Categorías"), (3, "Resumen elegibilidad"),
                (3, "Canal"), (3, "Capacidad mensual"), (3, "Estado capacidad"),
                (4, "Código"), (4, "Banda espera"),
                (5, "Banda espera"),
            ],
            errors.Select(e => (e.Line, e.Column!)).OrderBy(e => e.Line));
        Assert.Contains(errors, e => e.Line == 3 && e.Column == "Estado capacidad" && e.Message.Contains("'quizas'") && e.Message.Contains("disponible, lista_de_espera, lleno"));
        Assert.Contains(errors, e => e.Line == 4 && e.Column == "Código" && e.Message.Contains("línea 2"));
        Assert.Contains(errors, e => e.Line == 5 && e.Message.Contains("menos_de_1_mes, de_1_a_3_meses, mas_de_3_meses"));
    }

    [Fact]
    public void A_wrong_header_is_reported_once_and_no_row_is_read()
    {
        var (rows, errors) = Read(
            "codigo,nombre,programa,institucion,categorias,canal,estado,estado_capacidad,colour",
            "a,b,c,d,e,f,g,h,i",
            "a,b,c,d,e,f,g,h,i");

        Assert.Empty(rows);
        Assert.Equal(
            [(1, "estado_capacidad", "repetida"), (1, "colour", "desconocida"), (1, "resumen_elegibilidad", "obligatoria")],
            errors.Select(e => (e.Line, e.Column!, e.Message.Contains("repetida") ? "repetida" : e.Message.Contains("desconocida") ? "desconocida" : "obligatoria")));
    }

    [Fact]
    public void A_row_with_more_fields_than_the_header_is_reported_for_the_whole_row()
    {
        var (_, errors) = Read(Header, "a,b,c,mds,health,Todos, sin comillas.,office,,available,");

        Assert.Contains(errors, e => e.Line == 2 && e.Column is null && e.Message.Contains("11 campos"));
    }

    [Fact]
    public void A_file_with_only_the_header_is_an_error()
    {
        var (_, errors) = Read(Header);

        Assert.Contains("no tiene filas de servicios", Assert.Single(errors).Message);
    }
}
