using System.Text;

namespace Boards.Referrals.Tests.Domain;

/// <summary>The pseudonymous person key: same person, same key; no way back to the personal data.</summary>
public sealed class PersonKeyTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("a-test-secret-of-reasonable-length");

    private static Person WithDocument(string? document, bool noDocument = false) => TestReferrals.Person() with
    {
        DocumentNumber = document,
        NoDocument = noDocument,
    };

    private static Person WithoutDocument(string given, string family, DateOnly birthDate) => new()
    {
        NoDocument = true,
        GivenNames = given,
        FamilyNames = family,
        BirthDate = birthDate,
        Sex = Sex.Male,
    };

    [Theory]
    [InlineData("4.567.890")]
    [InlineData(" 4567890 ")]
    [InlineData("4 567 890")]
    [InlineData("4567890")]
    public void The_same_document_gives_the_same_key_however_it_is_punctuated(string document)
    {
        Assert.Equal(PersonKey.Compute(WithDocument("4567890"), Secret), PersonKey.Compute(WithDocument(document), Secret));
    }

    [Fact]
    public void Letters_in_a_document_are_compared_without_case()
    {
        Assert.Equal(PersonKey.Compute(WithDocument("ab-12345"), Secret), PersonKey.Compute(WithDocument("AB12345"), Secret));
    }

    [Fact]
    public void The_key_depends_on_the_document_not_on_the_other_personal_data()
    {
        var one = WithDocument("4567890");
        var sameDocumentOtherSpelling = one with { GivenNames = "Maria", Phone = "0981 000 000", Locality = "Centro" };

        Assert.Equal(PersonKey.Compute(one, Secret), PersonKey.Compute(sameDocumentOtherSpelling, Secret));
        Assert.NotEqual(PersonKey.Compute(one, Secret), PersonKey.Compute(WithDocument("4567891"), Secret));
    }

    [Fact]
    public void A_different_secret_gives_a_different_key()
    {
        var person = WithDocument("4567890");

        Assert.NotEqual(
            PersonKey.Compute(person, Secret),
            PersonKey.Compute(person, Encoding.UTF8.GetBytes("another-deployment-secret")));
    }

    [Fact]
    public void Without_a_document_the_key_comes_from_names_and_birth_date_ignoring_accents_case_and_spacing()
    {
        var birth = new DateOnly(2015, 9, 1);
        var expected = PersonKey.Compute(WithoutDocument("José Ñandutí", "Núñez Peña", birth), Secret);

        Assert.Equal(expected, PersonKey.Compute(WithoutDocument("JOSE NANDUTI", "NUNEZ PENA", birth), Secret));
        Assert.Equal(expected, PersonKey.Compute(WithoutDocument("  josé   ñandutí ", "núñez  peña", birth), Secret));
    }

    [Fact]
    public void Without_a_document_another_birth_date_or_another_name_is_another_person()
    {
        var birth = new DateOnly(2015, 9, 1);
        var key = PersonKey.Compute(WithoutDocument("José", "Núñez", birth), Secret);

        Assert.NotEqual(key, PersonKey.Compute(WithoutDocument("José", "Núñez", birth.AddDays(1)), Secret));
        Assert.NotEqual(key, PersonKey.Compute(WithoutDocument("Josefa", "Núñez", birth), Secret));
        Assert.NotEqual(key, PersonKey.Compute(WithoutDocument("Núñez", "José", birth), Secret));
    }

    [Fact]
    public void Marked_without_document_the_names_count_even_if_a_number_was_left_in_the_record()
    {
        var person = WithoutDocument("Ana", "Giménez", new DateOnly(1990, 1, 2));

        Assert.Equal(PersonKey.Compute(person, Secret), PersonKey.Compute(person with { DocumentNumber = "1234567" }, Secret));
    }

    [Fact]
    public void A_person_with_a_document_and_the_same_person_without_it_get_different_keys()
    {
        var withDocument = WithDocument("4567890");
        var withoutDocument = withDocument with { DocumentNumber = null, NoDocument = true };

        Assert.NotEqual(PersonKey.Compute(withDocument, Secret), PersonKey.Compute(withoutDocument, Secret));
    }

    [Theory]
    [InlineData("4567890")]
    [InlineData("1.234.567")]
    [InlineData("AB123456")]
    public void The_key_never_contains_the_document_number(string document)
    {
        var key = PersonKey.Compute(WithDocument(document), Secret);
        var digits = new string(document.Where(char.IsLetterOrDigit).ToArray());

        Assert.DoesNotContain(document, key, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(digits, key, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("^pk_[0-9a-f]{32}$", key);
    }

    [Fact]
    public void The_key_contains_neither_names_nor_birth_date()
    {
        var key = PersonKey.Compute(WithoutDocument("Ana", "Bo", new DateOnly(1990, 1, 2)), Secret);

        Assert.DoesNotContain("ana", key, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1990", key, StringComparison.Ordinal);
        Assert.Matches("^pk_[0-9a-f]{32}$", key);
    }
}
