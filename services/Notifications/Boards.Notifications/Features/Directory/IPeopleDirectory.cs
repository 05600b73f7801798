namespace Boards.Notifications.Features.Directory;

/// <summary>The people who can be notified: the identity provider's users with their roles, scope and address.</summary>
public interface IPeopleDirectory
{
    /// <summary>Everyone in the audience. Throws <see cref="DirectoryUnavailableException"/> when the provider does not answer.</summary>
    Task<IReadOnlyList<Person>> FindAsync(Audience audience, CancellationToken cancellationToken);

    /// <summary>One person by the token's subject, or null (for their own e-mail address on the preferences page).</summary>
    Task<Person?> FindBySubjectAsync(string subject, CancellationToken cancellationToken);
}

public sealed class DirectoryUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
