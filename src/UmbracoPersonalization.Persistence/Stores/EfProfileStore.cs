using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Persistence.Caching;
using UmbracoPersonalization.Persistence.Data;
using UmbracoPersonalization.Persistence.Data.Entities;
using UmbracoPersonalization.Persistence.Serialization;

namespace UmbracoPersonalization.Persistence.Stores;

/// <summary>
/// <see cref="IProfileStore"/> over EF Core. Saves are optimistic without tracking: a first save is an insert
/// that does nothing when the row exists; later saves are one <c>UPDATE … WHERE Version = expected</c> (a reused command, see <see cref="ProfileUpdateCommand"/>). A lost
/// race therefore returns <c>false</c> and never throws; database failures do throw, for the caller to handle.
/// With a <see cref="ProfileCache"/>, reads are served from it when they can, profiles read from the database fill it
/// (and a read that finds none leaves a short-lived "no stored profile" marker, see <see cref="IsKnownMissing"/>),
/// saves update it after the commit, a lost race and a deletion drop the visitor's entry.
/// </summary>
public sealed class EfProfileStore : IProfileStore
{
    private readonly IDbContextFactory<PersonalizationDbContext> _contextFactory;
    private readonly ProfileCache? _cache;

    /// <summary>Creates the store without a cache: every read goes to the database.</summary>
    public EfProfileStore(IDbContextFactory<PersonalizationDbContext> contextFactory)
        : this(contextFactory, null)
    {
    }

    /// <summary>Creates the store over <paramref name="cache"/> (<c>null</c>: no cache).</summary>
    public EfProfileStore(IDbContextFactory<PersonalizationDbContext> contextFactory, ProfileCache? cache)
    {
        _contextFactory = contextFactory ?? throw new ArgumentNullException(nameof(contextFactory));
        _cache = cache is { IsEnabled: true } ? cache : null;
    }

    /// <inheritdoc />
    public async Task<VisitorProfile?> GetAsync(string visitorId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visitorId);
        if (_cache is not null && _cache.TryGet(visitorId, out var cached))
        {
            return cached;
        }

        var generation = _cache?.Generation ?? 0;
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            // A plain command rather than LINQ: this read is on the request path (see ProfileReadCommand).
            if (await ProfileReadCommand.ReadAsync(db, visitorId, cancellationToken).ConfigureAwait(false) is not { } row)
            {
                _cache?.SetMissing(visitorId, generation);
                return null;
            }

            var profile = ProfileSerializer.Deserialize(visitorId, row.Version, row.Body);
            profile.MemberKey = row.MemberKey;
            _cache?.Set(profile, generation);
            return profile;
        }
    }

    /// <inheritdoc />
    public bool TryGetFromMemory(string visitorId, [NotNullWhen(true)] out VisitorProfile? profile)
    {
        ArgumentNullException.ThrowIfNull(visitorId);
        if (_cache is not null && _cache.TryGetShared(visitorId, out var cached))
        {
            profile = cached;
            return true;
        }

        profile = null;
        return false;
    }

    /// <inheritdoc />
    public bool IsKnownMissing(string visitorId)
    {
        ArgumentNullException.ThrowIfNull(visitorId);
        return _cache is not null && _cache.IsKnownMissing(visitorId);
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

        var misses = new List<string>(visitorIds.Count);
        foreach (var id in visitorIds)
        {
            if (_cache is not null && _cache.TryGet(id, out var cached))
            {
                result[id] = cached;
            }
            else
            {
                misses.Add(id);
            }
        }

        if (misses.Count == 0)
        {
            return result;
        }

        var ids = misses.ToArray();

        var generation = _cache?.Generation ?? 0;
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
                _cache?.Set(profile, generation);
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
        IReadOnlySet<string> saved = new HashSet<string>(StringComparer.Ordinal);
        if (saves.Count == 0)
        {
            return saved;
        }

        var generation = CacheGeneration;
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                saved = await SaveManyInAsync(db, saves, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        Committed(saves, saved, generation);
        return saved;
    }

    /// <summary>The profile cache's generation, read before loading or saving profiles and given to <see cref="Committed"/>.</summary>
    internal long CacheGeneration => _cache?.Generation ?? 0;

    /// <summary>
    /// The writes of <see cref="SaveManyAsync"/> within the caller's context and transaction; returns the visitors
    /// whose row was written. Nothing is committed, and neither the profiles' versions nor the cache are touched:
    /// after the commit, the caller calls <see cref="Committed"/> (after a rollback, nothing).
    /// </summary>
    internal static async Task<HashSet<string>> SaveManyInAsync(PersonalizationDbContext db, IReadOnlyList<ProfileSave> saves, CancellationToken cancellationToken)
    {
        var saved = new HashSet<string>(StringComparer.Ordinal);
        if (saves.Count == 0)
        {
            return saved;
        }

        var inserts = new List<ProfileRow>();
        var update = await ProfileUpdateCommand.CreateAsync(db, cancellationToken).ConfigureAwait(false);
        await using (update.ConfigureAwait(false))
        {
            foreach (var (profile, expected) in saves)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(expected);
                if (expected == 0)
                {
                    inserts.Add(new ProfileRow
                    {
                        VisitorId = profile.VisitorId,
                        Version = 1,
                        MemberKey = profile.MemberKey,
                        LastSeen = profile.LastSeen,
                        Body = ProfileSerializer.Serialize(profile),
                    });
                    continue;
                }

                if (await update.ExecuteAsync(profile, expected, cancellationToken).ConfigureAwait(false))
                {
                    saved.Add(profile.VisitorId);
                }
            }
        }

        saved.UnionWith(await InsertIgnoringConflicts.ExecuteReturningKeysAsync(db, inserts, static r => r.VisitorId, cancellationToken).ConfigureAwait(false));
        return saved;
    }

    /// <summary>
    /// After the commit of <see cref="SaveManyInAsync"/>: bumps the saved profiles' versions and caches them, and
    /// drops from the cache the visitors that lost an optimistic race (the next read reloads them).
    /// </summary>
    internal void Committed(IReadOnlyList<ProfileSave> saves, IReadOnlySet<string> saved, long generation)
    {
        foreach (var (profile, expected) in saves)
        {
            if (saved.Contains(profile.VisitorId))
            {
                profile.Version = expected + 1;
                _cache?.Set(profile, generation);
            }
        }

        if (_cache is not null && saved.Count < saves.Count)
        {
            // Lost races: what is cached (if anything) is older than the database; the next read reloads.
            foreach (var (profile, _) in saves)
            {
                if (!saved.Contains(profile.VisitorId))
                {
                    _cache.Invalidate(profile.VisitorId);
                }
            }
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string visitorId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(visitorId);
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var deleted = await db.Profiles.Where(p => p.VisitorId == visitorId)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
            _cache?.Invalidate(visitorId);
            return deleted;
        }
    }
}
