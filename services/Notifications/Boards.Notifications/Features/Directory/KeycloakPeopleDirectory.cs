using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace Boards.Notifications.Features.Directory;

/// <summary>
/// Reads people from Keycloak's admin API (<c>GET /admin/realms/boards/roles/{role}/users</c>) with a client-credentials
/// service account, a role's list kept for <see cref="DirectoryOptions.CacheFor"/>. Works against our identity provider
/// and a real Keycloak alike.
/// </summary>
public sealed class KeycloakPeopleDirectory(HttpClient http, KeycloakRealm realm, IOptions<DirectoryOptions> options, TimeProvider clock)
    : IPeopleDirectory
{
    private const int PageSize = 200;
    private static readonly string[] PersonRoles =
        [BoardsRoles.FocalPoint, BoardsRoles.InstitutionOfficer, BoardsRoles.MinistryAnalyst, BoardsRoles.MinistryAdmin];

    private readonly ConcurrentDictionary<string, (DateTimeOffset At, IReadOnlyList<Person> People)> _roles = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private string? _token;
    private DateTimeOffset _tokenExpiresAt;

    public async Task<IReadOnlyList<Person>> FindAsync(Audience audience, CancellationToken cancellationToken) =>
        [.. (await UsersInRoleAsync(audience.Role, cancellationToken)).Where(audience.Includes)];

    public async Task<Person?> FindBySubjectAsync(string subject, CancellationToken cancellationToken)
    {
        Person? found = null;
        foreach (var role in PersonRoles)
        {
            if ((await UsersInRoleAsync(role, cancellationToken)).FirstOrDefault(p => p.Subject == subject) is { } person)
            {
                found = found is null ? person : found with { Roles = found.Roles.Union(person.Roles).ToHashSet(StringComparer.Ordinal) };
            }
        }

        return found;
    }

    private async Task<IReadOnlyList<Person>> UsersInRoleAsync(string role, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_roles.TryGetValue(role, out var cached) && now - cached.At < options.Value.CacheFor)
        {
            return cached.People;
        }

        var people = new List<Person>();
        for (var first = 0; ; first += PageSize)
        {
            var page = await GetAsync<List<KeycloakUser>>(
                $"roles/{Uri.EscapeDataString(role)}/users?briefRepresentation=false&first={first}&max={PageSize}", cancellationToken);
            people.AddRange(page.Select(user => user.ToPerson(role)));
            if (page.Count < PageSize)
            {
                break;
            }
        }

        _roles[role] = (now, people);
        return people;
    }

    private async Task<T> GetAsync<T>(string relative, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(realm.AdminBase, relative));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(timeout.Token));
            using var response = await http.SendAsync(request, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new DirectoryUnavailableException($"El proveedor de identidad respondió {(int)response.StatusCode} a {relative}.");
            }

            return await response.Content.ReadFromJsonAsync<T>(timeout.Token)
                   ?? throw new DirectoryUnavailableException($"El proveedor de identidad respondió vacío a {relative}.");
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new DirectoryUnavailableException($"No se pudo contactar al proveedor de identidad ({realm.AdminBase.Authority}).", exception);
        }
    }

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        await _tokenLock.WaitAsync(cancellationToken);
        try
        {
            if (_token is not null && clock.GetUtcNow() < _tokenExpiresAt)
            {
                return _token;
            }

            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = options.Value.ClientId,
                ["client_secret"] = options.Value.ClientSecret ?? "",
            });
            using var response = await http.PostAsync(realm.TokenEndpoint, form, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new DirectoryUnavailableException(
                    $"La cuenta de servicio '{options.Value.ClientId}' no obtuvo un token ({(int)response.StatusCode}).");
            }

            var answer = await response.Content.ReadFromJsonAsync<TokenAnswer>(cancellationToken)
                         ?? throw new DirectoryUnavailableException("El proveedor de identidad respondió sin token.");
            _token = answer.AccessToken;
            // Renewed a little early, so a token never expires in flight.
            _tokenExpiresAt = clock.GetUtcNow().AddSeconds(Math.Max(0, answer.ExpiresIn - 30));
            return _token;
        }
        finally
        {
            _tokenLock.Release();
        }
    }
}
