using Boards.BuildingBlocks.Municipalities;

namespace Boards.Needs.Domain;

/// <summary>
/// A district with a board: a local replica of Membership's registry, to validate catalog entries and name the
/// municipality in messages. Fed by MunicipalityRegistered; the shipped CSV is only a boot snapshot (RegisteredAt null).
/// </summary>
public sealed class Municipality : ReplicatedMunicipality;
