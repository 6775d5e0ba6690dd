namespace UmbracoPersonalization.Core.Visitors;

/// <summary>Where profiles of consenting visitors are kept.</summary>
public interface IProfileStore
{
    /// <summary>Gets a profile, or <c>null</c> when none is stored.</summary>
    Task<VisitorProfile?> GetAsync(string visitorId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves a profile if the stored version still equals <paramref name="expectedVersion"/> (0 = not stored yet).
    /// On success the profile's <see cref="VisitorProfile.Version"/> is incremented and <c>true</c> returned;
    /// on a conflict nothing is written and <c>false</c> returned.
    /// </summary>
    Task<bool> SaveAsync(VisitorProfile profile, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Deletes a profile; returns whether it existed.</summary>
    Task<bool> DeleteAsync(string visitorId, CancellationToken cancellationToken = default);
}
