using Boards.BuildingBlocks.Municipalities;

namespace Boards.ServiceDays.Domain;

/// <summary>
/// A district with a board: a local replica of Membership's registry (as in Needs), so that a day is only planned for a
/// known municipality. Fed by MunicipalityRegistered; the shipped CSV is only a boot snapshot (RegisteredAt null).
/// </summary>
public sealed class Municipality : ReplicatedMunicipality;
