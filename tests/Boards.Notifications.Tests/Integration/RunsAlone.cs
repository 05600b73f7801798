namespace Boards.Notifications.Tests.Integration;

/// <summary>
/// Test classes whose host must hear no other class's events: every host's queue is bound to the same event exchanges,
/// so an event another class publishes joins this host's batches (and a poison event breaks them). xunit runs these
/// classes one after another, after all the others, whose hosts are gone by then.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Runs alone";
}
