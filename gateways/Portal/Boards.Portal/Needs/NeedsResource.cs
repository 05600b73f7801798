namespace Boards.Portal.Needs;

/// <summary>Marker for the needs pages' strings: Resources/Needs/NeedsResource.resx (Spanish, the default) and .en.resx (English).</summary>
public sealed class NeedsResource;
