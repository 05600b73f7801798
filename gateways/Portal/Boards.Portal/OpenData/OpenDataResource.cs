namespace Boards.Portal.OpenData;

/// <summary>Marker for the open data page's strings: Resources/OpenData/OpenDataResource.resx (Spanish) and .en.resx.</summary>
public sealed class OpenDataResource;
