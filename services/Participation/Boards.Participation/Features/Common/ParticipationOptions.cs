namespace Boards.Participation.Features.Common;

/// <summary>Section Participation (docs/configuration.md).</summary>
public sealed class ParticipationOptions
{
    public const string Section = "Participation";

    /// <summary>Days a printed code can be answered, counted from the day it was printed (Paraguay); 60 by default.</summary>
    public int CodeLifetimeDays { get; set; } = 60;
}
