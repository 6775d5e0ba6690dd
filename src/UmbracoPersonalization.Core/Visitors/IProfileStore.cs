using System.Diagnostics.CodeAnalysis;

namespace UmbracoPersonalization.Core.Visitors;

/// <summary>Where profiles of consenting visitors are kept.</summary>
public interface IProfileStore
{
    /// <summary>Gets a profile (the caller's own object, free to change before a save), or <c>null</c> when none is stored.</summary>
    Task<VisitorProfile?> GetAsync(string visitorId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets a profile when the store can answer from memory, without I/O (e.g. from a cache), so the request path can
    /// skip the timeout machinery around <see cref="GetAsync"/>. <c>false</c> means "ask <see cref="GetAsync"/>", never
    /// "not stored". The default implementation always answers <c>false</c>.
    /// </summary>
    /// <remarks>
    /// For reading only: the answer may be one object shared by every concurrent request of the visitor (the request
    /// path's <see cref="VisitorContext"/> is read-only), so it must never be changed. To change a profile, get it
    /// with <see cref="GetAsync"/>, which returns a copy of the caller's own.
    /// </remarks>
    /// <param name="visitorId">The visitor.</param>
    /// <param name="profile">The profile, when answered: shared, not to be changed.</param>
    /// <returns>Whether the profile was found in memory.</returns>
    bool TryGetFromMemory(string visitorId, [NotNullWhen(true)] out VisitorProfile? profile)
    {
        profile = null;
        return false;
    }

    /// <summary>
    /// Whether the store knows from memory, without I/O, that no profile is stored for the visitor (it looked a moment
    /// ago and found none, and nothing saved one since), so the request path can skip <see cref="GetAsync"/>.
    /// <c>false</c> means "ask <see cref="GetAsync"/>". The default implementation always answers <c>false</c>.
    /// </summary>
    /// <param name="visitorId">The visitor.</param>
    /// <returns>Whether the visitor is known to have no stored profile.</returns>
    bool IsKnownMissing(string visitorId) => false;

    /// <summary>
    /// Saves a profile if the stored version still equals <paramref name="expectedVersion"/> (0 = not stored yet).
    /// On success the profile's <see cref="VisitorProfile.Version"/> is incremented and <c>true</c> returned;
    /// on a conflict nothing is written and <c>false</c> returned.
    /// </summary>
    Task<bool> SaveAsync(VisitorProfile profile, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Deletes a profile; returns whether it existed.</summary>
    Task<bool> DeleteAsync(string visitorId, CancellationToken cancellationToken = default);
}
