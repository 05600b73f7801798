namespace Boards.Portal.ServiceDays;

/// <summary>The texts of the service-day pages: Resources/ServiceDays/ServiceDaysResource.resx (Spanish) and .en.resx.</summary>
public sealed class ServiceDaysResource;
