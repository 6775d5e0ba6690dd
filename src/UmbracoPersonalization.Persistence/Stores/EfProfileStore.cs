using Microsoft.EntityFrameworkCore;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Persistence.Data;
using UmbracoPersonalization.Persistence.Data.Entities;
using UmbracoPersonalization.Persistence.Serialization;

namespace UmbracoPersonalization.Persistence.Stores;

/// <summary>
/// <see cref="IProfileStore"/> over EF Core. Saves are optimistic without tracking: a first save is an insert
/// that does nothing when the row exists; later saves are one <c>UPDATE … WHERE Version = expected</c>. A lost
/// race therefore returns <c>false</c> and never throws; database failures do throw, for the caller to handle.
/// </summary>
public sealed class EfProfileStore : IProfileStore
{
    private readonly IDbContextFactory<PersonalizationDbContext> _contextFactory;

    /// <summary>Creates the store.</summary>
    public EfProfileStore(IDbContextFactory<PersonalizationDbContext> contextFactory)
    {
        _contextFactory = contextFactory ?? throw new ArgumentNullException(nameof(contextFactory));
    }

    /// <inheritdoc />
    public async Task<VisitorProfile?> GetAsync(string visitorId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visitorId);
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var row = await db.Profiles.AsNoTracking()
                .Where(p => p.VisitorId == visitorId)
                .Select(p => new { p.Version, p.MemberKey, p.Body })
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return null;
            }

            var profile = ProfileSerializer.Deserialize(visitorId, row.Version, row.Body);
            profile.MemberKey = row.MemberKey;
            return profile;
        }
    }

    /// <inheritdoc />
    public async Task<bool> SaveAsync(VisitorProfile profile, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        var body = ProfileSerializer.Serialize(profile);
        var newVersion = expectedVersion + 1;
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            int affected;
            if (expectedVersion == 0)
            {
                var row = new ProfileRow
                {
                    VisitorId = profile.VisitorId,
                    Version = newVersion,
                    MemberKey = profile.MemberKey,
                    LastSeen = profile.LastSeen,
                    Body = body,
                };
                affected = await InsertIgnoringConflicts.ExecuteAsync(db, [row], cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var visitorId = profile.VisitorId;
                var memberKey = profile.MemberKey;
                var lastSeen = profile.LastSeen;
                affected = await db.Profiles
                    .Where(p => p.VisitorId == visitorId && p.Version == expectedVersion)
                    .ExecuteUpdateAsync(
                        s => s.SetProperty(p => p.Version, newVersion)
                            .SetProperty(p => p.MemberKey, memberKey)
                            .SetProperty(p => p.LastSeen, lastSeen)
                            .SetProperty(p => p.Body, body),
                        cancellationToken).ConfigureAwait(false);
            }

            if (affected != 1)
            {
                return false;
            }

            profile.Version = newVersion;
            return true;
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string visitorId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visitorId);
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.Profiles.Where(p => p.VisitorId == visitorId)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
        }
    }
}
