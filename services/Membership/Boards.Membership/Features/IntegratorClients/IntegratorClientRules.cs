using System.Security.Cryptography;
using Boards.BuildingBlocks.ReferenceData;
using Boards.Membership.Domain.IntegratorClients;

namespace Boards.Membership.Features.IntegratorClients;

/// <summary>Who manages integrator clients, what a registration may hold, and how a client id is made.</summary>
public static class IntegratorClientRules
{
    private const string Base32 = "abcdefghijklmnopqrstuvwxyz234567";

    public static void EnsureAdmin(Caller caller)
    {
        if (!caller.IsInRole(BoardsRoles.MinistryAdmin))
        {
            throw new ForbiddenException("Solo la administración del ministerio (ministry-admin) gestiona los clientes integradores.");
        }
    }

    /// <summary><c>int-{institution}-{8 random base32 letters}</c>: says whose it is, and cannot be guessed from another.</summary>
    public static string NewClientId(string institution) => $"int-{institution}-{RandomNumberGenerator.GetString(Base32, 8)}";

    public static string Name(FieldErrors errors, string? value)
    {
        var name = Input.Text(errors, "name", value, MembershipLimits.IntegratorName, "Indique el nombre del sistema integrador.");
        if (name.Length is > 0 and < MembershipLimits.IntegratorNameMinimum)
        {
            errors.Add("name", $"El nombre debe tener al menos {MembershipLimits.IntegratorNameMinimum} caracteres.");
        }

        return name;
    }

    public static string Institution(FieldErrors errors, string? value, Institutions institutions)
    {
        var code = Input.Text(errors, "institution", value, MembershipLimits.Code, "Indique el código de la institución (p. ej. 'mspbs').")
            .ToLowerInvariant();
        if (code.Length is > 0 and <= MembershipLimits.Code && !institutions.Contains(code))
        {
            errors.Add("institution", $"La institución '{code}' no está en la lista de instituciones: use {string.Join(", ", institutions.Codes)}.");
        }

        return code;
    }

    public static IReadOnlyList<string> Scopes(FieldErrors errors, IReadOnlyList<string?>? values)
    {
        if (values is not { Count: > 0 })
        {
            errors.Add("scopes", $"Indique al menos un área de la API: {string.Join(", ", IntegratorAreas.All)}.");
            return [];
        }

        var scopes = new List<string>();
        for (var i = 0; i < values.Count; i++)
        {
            var area = values[i]?.Trim().ToLowerInvariant() ?? "";
            if (!IntegratorAreas.All.Contains(area))
            {
                errors.Add($"scopes[{i}]", $"Área desconocida: use {string.Join(", ", IntegratorAreas.All)}.");
            }
            else if (!scopes.Contains(area))
            {
                scopes.Add(area);
            }
        }

        // In the order of IntegratorAreas.All, so that two registrations of the same areas read the same.
        return [.. IntegratorAreas.All.Where(scopes.Contains)];
    }

    public static int RateLimit(FieldErrors errors, int? value)
    {
        if (value is not { } rate || rate < MembershipLimits.IntegratorRateLimitMinimum || rate > MembershipLimits.IntegratorRateLimitMaximum)
        {
            errors.Add("rateLimitPerSecond",
                $"Indique cuántas solicitudes por segundo admite la pasarela para este cliente: de {MembershipLimits.IntegratorRateLimitMinimum} a {MembershipLimits.IntegratorRateLimitMaximum}.");
            return 0;
        }

        return rate;
    }

    public static string Reason(FieldErrors errors, string? value)
    {
        var reason = Input.Text(errors, "reason", value, MembershipLimits.IntegratorRevokeReason, "Indique por qué se revoca el cliente.");
        if (reason.Length is > 0 and < MembershipLimits.IntegratorRevokeReasonMinimum)
        {
            errors.Add("reason", $"El motivo debe tener al menos {MembershipLimits.IntegratorRevokeReasonMinimum} caracteres.");
        }

        return reason;
    }

    public static NotFoundException NotFound(string? clientId) =>
        new($"No existe el cliente integrador '{clientId}'.") { Title = "Cliente integrador no encontrado." };
}
