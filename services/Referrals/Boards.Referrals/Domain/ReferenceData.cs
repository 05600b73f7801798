using Boards.BuildingBlocks.Municipalities;

namespace Boards.Referrals.Domain;

/// <summary>
/// A district with a board: a local replica of Membership's registry, used to validate referrals and for scope.
/// Fed by MunicipalityRegistered; the shipped CSV is only a boot snapshot (rows with no RegisteredAt).
/// </summary>
public sealed class Municipality : ReplicatedMunicipality;

/// <summary>An institution that sends or receives referrals (codes from the shipped reference data).</summary>
public sealed class Institution(string code, string name)
{
    public string Code { get; private init; } = code;
    public string Name { get; private set; } = name;

    /// <summary>The shipped reference data names it differently now (the code stays).</summary>
    public void Rename(string name) => Name = name;
}
