using Boards.BuildingBlocks.Municipalities;
using Boards.Participation.Domain;

namespace Boards.Participation.Data.Configurations;

/// <summary>The shared <c>municipalities</c> table of the replica (BuildingBlocks/Municipalities).</summary>
internal sealed class MunicipalityConfiguration : MunicipalityReplicaConfiguration<Municipality>;
