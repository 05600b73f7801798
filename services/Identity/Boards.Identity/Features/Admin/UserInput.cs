using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Boards.Identity.Features.Admin;

/// <summary>
/// The fields of a UserRepresentation this provider stores. Null means "not sent" (Keycloak's partial update); an empty
/// string clears a name or the e-mail. Other fields (id, credentials, realmRoles, requiredActions...) are ignored.
/// </summary>
internal sealed partial record UserInput(
    string? UserName,
    string? FirstName,
    string? LastName,
    string? Email,
    bool? Enabled,
    Dictionary<string, List<string>>? Attributes)
{
    /// <summary>
    /// The attributes the realm's user profile declares (deploy/keycloak/boards-realm.json), single-valued codes.
    /// Keycloak drops attributes the profile does not declare, and so does this provider.
    /// </summary>
    private static readonly Dictionary<string, string> ManagedAttributes = new(StringComparer.Ordinal)
    {
        [UserAccount.MunicipalityAttribute] = "Use el código del municipio en minúsculas (p. ej. alto-vera).",
        [UserAccount.InstitutionAttribute] = "Use el código de la institución en minúsculas (p. ej. mspbs).",
        [UserAccount.MunicipalitiesAttribute] = "Use códigos de municipio en minúsculas (p. ej. alto-vera), uno por valor.",
    };

    /// <summary>The one multi-valued attribute: an officer may serve in many municipalities, up to every district.</summary>
    public const int MaxMunicipalities = 300;

    public static (UserInput? Input, AdminError? Error) Parse(JsonNode body)
    {
        if (body is not JsonObject user)
        {
            return Invalid("El cuerpo debe ser un objeto JSON (UserRepresentation).");
        }

        if (!TryString(user, "username", out var userName, out var error) ||
            !TryString(user, "firstName", out var firstName, out error) ||
            !TryString(user, "lastName", out var lastName, out error) ||
            !TryString(user, "email", out var email, out error))
        {
            return (null, error);
        }

        bool? enabled = null;
        if (user["enabled"] is { } enabledNode)
        {
            if (enabledNode.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                return Invalid("'enabled' debe ser true o false.", "enabled");
            }

            enabled = enabledNode.GetValue<bool>();
        }

        if (userName is not null)
        {
            userName = UserAccount.NormalizeUserName(userName);
            if (userName.Length is < 3 or > IdentityLimits.Text || !UserNamePattern().IsMatch(userName))
            {
                return Invalid(
                    $"El nombre de usuario debe tener entre 3 y {IdentityLimits.Text} caracteres: letras, números, '.', '-', '_' o '@'.",
                    "username");
            }
        }

        if (firstName is { Length: > IdentityLimits.Text } || lastName is { Length: > IdentityLimits.Text })
        {
            return Invalid($"El nombre y el apellido admiten hasta {IdentityLimits.Text} caracteres.",
                firstName is { Length: > IdentityLimits.Text } ? "firstName" : "lastName");
        }

        if (email is { Length: > 0 })
        {
            email = email.Trim().ToLowerInvariant();
            if (email.Length > IdentityLimits.Text || !EmailPattern().IsMatch(email))
            {
                return Invalid("El correo electrónico no es válido.", "email");
            }
        }

        var (attributes, attributesError) = ParseAttributes(user["attributes"]);
        return attributesError is not null
            ? (null, attributesError)
            : (new UserInput(userName, firstName, lastName, email, enabled, attributes), null);
    }

    /// <summary>Applies what was sent; true when something changed.</summary>
    public bool ApplyTo(UserAccount user)
    {
        var before = Snapshot(user);
        if (FirstName is not null) user.FirstName = FirstName.Length > 0 ? FirstName : null;
        if (LastName is not null) user.LastName = LastName.Length > 0 ? LastName : null;
        if (Email is not null) user.Email = Email.Length > 0 ? Email : null;
        if (Enabled is { } enabled) user.Enabled = enabled;
        if (Attributes is not null) user.Attributes = Attributes;
        return Snapshot(user) != before;
    }

    public string Describe() => string.Join(", ", new[]
    {
        FirstName is null ? null : "firstName",
        LastName is null ? null : "lastName",
        Email is null ? null : "email",
        Enabled is null ? null : $"enabled={Enabled}",
        Attributes is null ? null : "attributes=" + JsonSerializer.Serialize(Attributes),
    }.OfType<string>());

    private static string Snapshot(UserAccount user) =>
        JsonSerializer.Serialize(new { user.FirstName, user.LastName, user.Email, user.Enabled, user.Attributes });

    private static (Dictionary<string, List<string>>? Attributes, AdminError? Error) ParseAttributes(JsonNode? node)
    {
        if (node is null)
        {
            return (null, null);
        }

        if (node is not JsonObject map)
        {
            return (null, new AdminError("'attributes' debe ser un objeto: nombre → lista de valores.", "attributes"));
        }

        var attributes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, valuesNode) in map)
        {
            if (valuesNode is not JsonArray array ||
                array.Any(value => value is null || value.GetValueKind() != JsonValueKind.String))
            {
                return (null, new AdminError($"El atributo '{name}' debe ser una lista de textos.", "attributes"));
            }

            if (!ManagedAttributes.TryGetValue(name, out var codeMessage))
            {
                continue;
            }

            var values = array.Select(value => value!.GetValue<string>().Trim()).Where(value => value.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            var maxValues = name == UserAccount.MunicipalitiesAttribute ? MaxMunicipalities : 1;
            if (values.Count > maxValues)
            {
                return (null, new AdminError(
                    maxValues == 1 ? $"El atributo '{name}' admite un solo valor." : $"El atributo '{name}' admite hasta {maxValues} valores.", name));
            }

            if (values.Any(code => code.Length > IdentityLimits.Text || !CodePattern().IsMatch(code)))
            {
                return (null, new AdminError(codeMessage, name));
            }

            if (values.Count > 0)
            {
                attributes[name] = values;
            }
        }

        return (attributes, null);
    }

    private static bool TryString(JsonObject user, string name, out string? value, out AdminError? error)
    {
        value = null;
        error = null;
        if (user[name] is not { } node)
        {
            return true;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            error = new AdminError($"'{name}' debe ser un texto.", name);
            return false;
        }

        value = node.GetValue<string>();
        if (AdminJson.HasControlCharacters(value))
        {
            error = new AdminError($"'{name}' contiene caracteres no válidos.", name);
            return false;
        }

        return true;
    }

    private static (UserInput?, AdminError?) Invalid(string message, string? field = null) => (null, new AdminError(message, field));

    [GeneratedRegex(@"^[\p{L}\p{N}._@-]+$")]
    private static partial Regex UserNamePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex CodePattern();
}
