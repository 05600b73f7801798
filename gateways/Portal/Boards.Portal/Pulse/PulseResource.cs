namespace Boards.Portal.Pulse;

/// <summary>The texts of the pulse's pages: Resources/Pulse/PulseResource.resx (Spanish) and .en.resx.</summary>
public sealed class PulseResource;
