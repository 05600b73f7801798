using Boards.BuildingBlocks.Import;
using Boards.Membership.Features.ImportMembers;

namespace Boards.Membership.Tests.Import;

public sealed class MemberImportValidatorTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 15, 12, 0, 0, TimeSpan.Zero);

    private const string Header = "nombre,institucion,sector,genero,franja_edad,area,localidad,indigena,discapacidad,cargo,con_voto,fecha_designacion";

    private static (List<ImportRow> Rows, List<ImportError> Errors) Validate(string text, IEnumerable<Member>? active = null) =>
        MemberImportValidator.Validate(UploadedCsv.Parse(text, 1000), active ?? [], Now);

    [Fact]
    public void Spanish_values_and_their_synonyms_become_the_domain_values()
    {
        var (rows, errors) = Validate(
            "Nombre,Institución,Sector,Género,Franja de edad,Área,Localidad,Indígena,Discapacidad,Cargo,Con voto,Fecha de designación\n" +
            "Ana,Municipalidad,Gobierno local,Mujer,Joven,Urbana,Centro,No,Sí,Presidenta,si,2024-03-01\n" +
            "Juan,Universidad,academia,varón,adulto mayor,RURAL,Colonia 7,si,no,secretario,no,01/02/2024\n" +
            "Lía,Comunidad Yvy Pytã,comunidad_indigena,otro,adulto,rural,Yvy Pytã,,,,,5/2/2024\n");

        Assert.Empty(errors);
        Assert.Equal(3, rows.Count);
        var ana = rows[0].Member;
        Assert.Equal((Sector.LocalGovernment, Gender.Female, AgeBand.Youth, Area.Urban, Position.Chair, true, false, true),
            (ana.Sector, ana.Gender, ana.AgeBand, ana.Territory.Area, ana.Position, ana.Voting, ana.Indigenous, ana.Disability));
        var juan = rows[1].Member;
        Assert.Equal((Sector.Academia, Gender.Male, AgeBand.Senior, Area.Rural, Position.Secretary, false, true, new DateOnly(2024, 2, 1)),
            (juan.Sector, juan.Gender, juan.AgeBand, juan.Territory.Area, juan.Position, juan.Voting, juan.Indigenous, juan.DesignatedOn));
        var lia = rows[2].Member;
        Assert.Equal((Position.Member, true, false, new DateOnly(2024, 2, 5), 4), (lia.Position, lia.Voting, lia.Indigenous, lia.DesignatedOn, rows[2].Line));
    }

    [Fact]
    public void Every_bad_field_of_every_row_is_reported_with_line_and_column()
    {
        var (rows, errors) = Validate(
            Header + "\n" +
            ",USF,salud,mujer,joven,urbana,Centro,no,no,miembro,si,2024-13-01\n" +
            "Ana,USF,institucion_nacional,persona,niña,periurbana,,quizas,no,punto focal,si,2030-01-01\n");

        Assert.Empty(rows);
        Assert.Equal(
        [
            (2, "nombre"), (2, "sector"), (2, "fecha_designacion"),
            (3, "genero"), (3, "franja_edad"), (3, "area"), (3, "localidad"), (3, "indigena"), (3, "cargo"), (3, "fecha_designacion"),
        ], errors.Select(e => (e.Line, e.Column!)).ToArray());
        Assert.Contains("Sector desconocido: 'salud'", errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("gobierno_local", errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("punto focal no se importa", errors[8].Message, StringComparison.Ordinal);
        Assert.Equal("La fecha de designación no puede ser futura.", errors[9].Message);
    }

    [Fact]
    public void Header_problems_are_reported_on_the_header_line_and_rows_are_not_read()
    {
        var (rows, errors) = Validate("nombre,institucion,sector,color,sector\nAna,USF,otro,azul,otro\n");

        Assert.Empty(rows);
        Assert.All(errors, e => Assert.Equal(1, e.Line));
        Assert.Contains(errors, e => e.Column == "color" && e.Message.StartsWith("Columna desconocida", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Column == "sector" && e.Message.Contains("repetida", StringComparison.Ordinal));
        Assert.Equal(["genero", "franja_edad", "area", "localidad", "fecha_designacion"],
            errors.Where(e => e.Message.StartsWith("Falta la columna", StringComparison.Ordinal)).Select(e => e.Column!).ToArray());
    }

    [Fact]
    public void Duplicates_within_the_file_and_against_active_members_are_reported()
    {
        var board = Board.Create("alto-vera", new CreatingAct("R-1", new DateOnly(2024, 1, 1)), new Chair("X", ChairRole.Mayor), BoardStatus.Active, "admin", Now);
        board.AddMember(new NewMember("Rosa Martínez", "USF", Sector.NationalInstitution, Gender.Female, AgeBand.Adult, new Territory(Area.Urban, "Centro"),
            false, false, Position.Member, true, new DateOnly(2024, 2, 1)), "admin", Now);

        var (_, errors) = Validate(
            Header + "\n" +
            "Ana,USF,otro,mujer,joven,urbana,Centro,no,no,miembro,si,2024-03-01\n" +
            "ROSA MARTÍNEZ,usf,otro,mujer,adulto,urbana,Centro,no,no,miembro,si,2024-03-01\n" +
            "ana,usf,otro,mujer,joven,urbana,Centro,no,no,miembro,si,2024-03-01\n", board.ActiveMembers);

        Assert.Equal(2, errors.Count);
        Assert.Equal((3, "nombre"), (errors[0].Line, errors[0].Column));
        Assert.Contains("ya es miembro activo", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal((4, "nombre"), (errors[1].Line, errors[1].Column));
        Assert.Contains("ya figura en la línea 2", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_with_more_fields_than_the_header_is_reported_for_the_whole_row()
    {
        var (_, errors) = Validate(Header + "\nAna,USF, Alto Verá,otro,mujer,joven,urbana,Centro,no,no,miembro,si,2024-03-01\n");

        Assert.Contains(errors, e => e.Line == 2 && e.Column is null && e.Message.Contains("13 campos", StringComparison.Ordinal));
    }

    [Fact]
    public void A_header_only_file_has_no_members()
    {
        var (_, errors) = Validate(Header + "\n");

        Assert.Equal((1, (string?)null), (Assert.Single(errors).Line, errors[0].Column));
    }

    [Theory]
    [InlineData("Institución", "institucion")]
    [InlineData(" FRANJA-EDAD ", "franja_edad")]
    [InlineData("Fecha de designación", "fecha_de_designacion")]
    [InlineData("Ñandutí", "ñanduti")]
    public void Headers_and_values_are_compared_normalized(string raw, string normalized) =>
        Assert.Equal(normalized, MemberImportColumns.Normalize(raw));
}
