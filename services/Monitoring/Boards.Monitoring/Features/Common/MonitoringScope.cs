using Boards.BuildingBlocks.Errors;
using Boards.ServiceDefaults.Authentication;

namespace Boards.Monitoring.Features.Common;

public enum MonitoringScopeKind
{
    /// <summary>The caller's role sees no monitoring data (institution officers, integrators, no role).</summary>
    None,
    /// <summary>A focal point: only the municipality in its token.</summary>
    OneMunicipality,
    /// <summary>Ministry analysts and administrators: every municipality.</summary>
    AllMunicipalities,
}

/// <summary>
/// Which municipalities a caller may see in monitoring. Decided from the token alone (<see cref="Caller"/>), before
/// any data is read, so a refusal never reveals whether a municipality exists.
/// </summary>
public sealed record MonitoringScope(MonitoringScopeKind Kind, string? Municipality)
{
    public static readonly MonitoringScope Nothing = new(MonitoringScopeKind.None, null);
    public static readonly MonitoringScope Everything = new(MonitoringScopeKind.AllMunicipalities, null);

    public static MonitoringScope For(Caller caller)
    {
        if (caller.IsMinistry)
        {
            return Everything;
        }

        // Caller.Municipality is already trimmed and lower-cased, like the codes monitoring stores.
        if (caller.IsInRole(BoardsRoles.FocalPoint) && caller.Municipality is { } municipality)
        {
            return new MonitoringScope(MonitoringScopeKind.OneMunicipality, municipality);
        }

        return Nothing;
    }

    public bool SeesAnything => Kind != MonitoringScopeKind.None;

    /// <summary>The caller's scope; <see cref="ForbiddenException"/> when its role sees no monitoring at all.</summary>
    public static MonitoringScope Require(Caller caller) =>
        For(caller) is { SeesAnything: true } scope ? scope : throw new ForbiddenException(MonitoringMessages.RoleWithoutMonitoring);

    /// <summary>May the caller see this (normalized) municipality code?</summary>
    public bool Covers(string code) => Kind switch
    {
        MonitoringScopeKind.AllMunicipalities => true,
        MonitoringScopeKind.OneMunicipality => string.Equals(Municipality, code, StringComparison.Ordinal),
        _ => false,
    };
}
