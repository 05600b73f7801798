using Boards.BuildingBlocks.Municipalities;

namespace Boards.Notifications.Domain;

/// <summary>A district with a board, for its name in messages: a replica of Membership's registry (as in ServiceDays).</summary>
public sealed class Municipality : ReplicatedMunicipality;
