namespace Boards.Portal.Integrators;

/// <summary>Marker for the integrator clients pages' strings: Resources/Integrators/IntegratorResource.resx (Spanish) and .en.resx.</summary>
public sealed class IntegratorResource;
