using Boards.BuildingBlocks.Municipalities;

namespace Boards.Participation.Domain;

/// <summary>
/// A district with a board: a local replica of Membership's registry, so that slips are printed only for a known
/// municipality. Fed by MunicipalityRegistered; the shipped CSV is only a boot snapshot (RegisteredAt null).
/// </summary>
public sealed class Municipality : ReplicatedMunicipality;
