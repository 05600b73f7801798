using System.Text.RegularExpressions;
using Npgsql;

namespace Boards.EndToEnd.Tests.Notifications;

/// <summary>
/// E-mail is not a safe channel: no message the system sent carries a name, a document number or a phone of anyone
/// referred. Every delivered notification e-mail is scanned against every person the referrals database holds
/// (this test's own, with a name, document and phone of its own, and everyone the other tests referred). Itakyry.
/// </summary>
[Collection(BoardsCollection.Name)]
public sealed partial class PersonalDataInMailTests(BoardsAppFixture boards)
{
    private readonly NotificationJourney _journey = new(boards);

    [Fact]
    public async Task No_email_subject_or_body_contains_a_name_a_document_number_or_a_phone_of_a_person_referred()
    {
        const string municipality = "itakyry";
        var (_, _, email) = await _journey.OfficerAsync(municipality);
        var family = "Villalba " + new string([.. Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(6)]);
        var document = Random.Shared.Next(3_000_000, 6_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        const string phone = "0981 437 215";
        var id = await _journey.ReferAsync(municipality, "urgent", family, document, phone);
        // Three messages about it: received, due soon, overdue.
        await _journey.WaitForMailAsync(email, id, "Derivación vencida");

        var places = PlaceAndInstitutionWords();
        var people = await PeopleAsync();
        Assert.Contains(people, p => p.Document == document && p.Phone == phone);
        var sent = (await boards.Mailbox.AllAsync()).Where(m => m.Subject.StartsWith("[Mesas]", StringComparison.Ordinal)).ToList();
        Assert.True(sent.Count >= 3, $"{sent.Count} notification e-mails");

        var leaks = new List<string>();
        foreach (var message in sent)
        {
            // Ids in links are hexadecimal: a run of digits inside one is not a document number.
            var text = Guids().Replace($"{message.Subject}\n{message.Text}\n{message.Html}", " ");
            foreach (var person in people)
            {
                leaks.AddRange(person.FoundIn(text, places).Select(what => $"{message.Subject} → {what}"));
            }
        }

        Assert.True(leaks.Count == 0, string.Join("\n", leaks.Distinct().Take(20)));
    }

    /// <summary>
    /// The words of the municipality and institution names the messages do say (data/reference): a person whose family
    /// name is Alberdi is not leaked by a message about Alberdi.
    /// </summary>
    private static HashSet<string> PlaceAndInstitutionWords()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "Boards.sln")))
        {
            directory = directory.Parent;
        }

        var reference = Path.Combine(directory.FullName, "data", "reference");
        return File.ReadLines(Path.Combine(reference, "municipalities.csv")).Concat(File.ReadLines(Path.Combine(reference, "institutions.csv")))
            .SelectMany(line => line.Split([',', ' ', '(', ')', '.'], StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private static async Task<List<ReferredPerson>> PeopleAsync()
    {
        await using var connection = new NpgsqlConnection(BoardsAppFixture.ReferralsDatabase);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT person_given_names, person_family_names, person_document_number, person_phone FROM referrals", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var people = new List<ReferredPerson>();
        while (await reader.ReadAsync())
        {
            people.Add(new ReferredPerson(reader.GetString(0), reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return people;
    }

    [GeneratedRegex("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")]
    private static partial Regex Guids();

    private sealed record ReferredPerson(string GivenNames, string FamilyNames, string? Document, string? Phone)
    {
        public IEnumerable<string> FoundIn(string text, IReadOnlySet<string> places)
        {
            if (Document is { Length: >= 5 } && text.Contains(Document, StringComparison.Ordinal))
            {
                yield return $"documento {Document}";
            }

            if (Phone is { Length: >= 6 } && (text.Contains(Phone, StringComparison.Ordinal) || text.Contains(Compact(Phone), StringComparison.Ordinal)))
            {
                yield return $"teléfono {Phone}";
            }

            // Anonymised referrals keep no name; initials and short parts say nothing on their own.
            foreach (var part in $"{GivenNames} {FamilyNames}".Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => p.Length >= 4 && p.Any(char.IsLetter) && !places.Contains(p)))
            {
                if (Regex.IsMatch(text, $@"(?<!\w){Regex.Escape(part)}(?!\w)", RegexOptions.IgnoreCase))
                {
                    yield return $"nombre {part}";
                }
            }
        }

        private static string Compact(string phone) => new([.. phone.Where(c => c is not (' ' or '-'))]);
    }
}
