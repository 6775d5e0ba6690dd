using Microsoft.EntityFrameworkCore;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Persistence.Data;
using UmbracoPersonalization.Persistence.Data.Entities;
using UmbracoPersonalization.Persistence.Serialization;

namespace UmbracoPersonalization.Persistence.Stores;

/// <summary>
/// <see cref="IProfileStore"/> over EF Core. Saves are optimistic without tracking: a first save is an insert
/// that does nothing when the row exists; later saves are one <c>UPDATE … WHERE Version = expected</c> (a reused command, see <see cref="ProfileUpdateCommand"/>). A lost
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
            // A plain command rather than LINQ: this read is on the request path (see ProfileReadCommand).
            if (await ProfileReadCommand.ReadAsync(db, visitorId, cancellationToken).ConfigureAwait(false) is not { } row)
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
        var saved = await SaveManyAsync([new ProfileSave(profile, expectedVersion)], cancellationToken).ConfigureAwait(false);
        return saved.Count == 1;
    }

    /// <summary>Loads several profiles in one query; visitors without a stored profile are absent from the result.</summary>
    public async Task<IReadOnlyDictionary<string, VisitorProfile>> GetManyAsync(IReadOnlyCollection<string> visitorIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visitorIds);
        var result = new Dictionary<string, VisitorProfile>(StringComparer.Ordinal);
        if (visitorIds.Count == 0)
        {
            return result;
        }

        var ids = visitorIds.ToArray();
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var rows = await db.Profiles.AsNoTracking()
                .Where(p => ids.Contains(p.VisitorId))
                .Select(p => new { p.VisitorId, p.Version, p.MemberKey, p.Body })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var row in rows)
            {
                var profile = ProfileSerializer.Deserialize(row.VisitorId, row.Version, row.Body);
                profile.MemberKey = row.MemberKey;
                result[row.VisitorId] = profile;
            }
        }

        return result;
    }

    /// <summary>
    /// Saves several profiles in one transaction, each under the same optimistic rule as
    /// <see cref="SaveAsync"/>; returns the ids of the visitors saved (a conflicting one is left out and unchanged).
    /// </summary>
    public async Task<IReadOnlySet<string>> SaveManyAsync(IReadOnlyList<ProfileSave> saves, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(saves);
        var saved = new HashSet<string>(StringComparer.Ordinal);
        if (saves.Count == 0)
        {
            return saved;
        }

        var bodies = saves.Select(s => ProfileSerializer.Serialize(s.Profile)).ToArray();
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var inserts = new List<ProfileRow>();
                var update = await ProfileUpdateCommand.CreateAsync(db, cancellationToken).ConfigureAwait(false);
                await using (update.ConfigureAwait(false))
                {
                    for (var i = 0; i < saves.Count; i++)
                    {
                        var (profile, expected) = saves[i];
                        ArgumentOutOfRangeException.ThrowIfNegative(expected);
                        if (expected == 0)
                        {
                            inserts.Add(new ProfileRow
                            {
                                VisitorId = profile.VisitorId,
                                Version = 1,
                                MemberKey = profile.MemberKey,
                                LastSeen = profile.LastSeen,
                                Body = bodies[i],
                            });
                            continue;
                        }

                        var row = new ProfileRow
                        {
                            VisitorId = profile.VisitorId,
                            MemberKey = profile.MemberKey,
                            LastSeen = profile.LastSeen,
                            Body = bodies[i],
                        };
                        if (await update.ExecuteAsync(row, expected, cancellationToken).ConfigureAwait(false))
                        {
                            saved.Add(profile.VisitorId);
                        }
                    }
                }

                saved.UnionWith(await InsertIgnoringConflicts.ExecuteReturningKeysAsync<ProfileRow, string>(db, inserts, cancellationToken).ConfigureAwait(false));
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var (profile, expected) in saves)
        {
            if (saved.Contains(profile.VisitorId))
            {
                profile.Version = expected + 1;
            }
        }

        return saved;
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
