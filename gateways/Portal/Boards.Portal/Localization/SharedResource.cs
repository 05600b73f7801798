namespace Boards.Portal;

/// <summary>Marker for the portal's strings: Resources/SharedResource.resx (Spanish, the default) and .en.resx (English).</summary>
public sealed class SharedResource;
