using Microsoft.EntityFrameworkCore;
using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Core.Experiences;
using UmbracoPersonalization.Core.Segments;
using UmbracoPersonalization.Persistence.Data;
using UmbracoPersonalization.Persistence.Data.Entities;
using UmbracoPersonalization.Persistence.Serialization;

namespace UmbracoPersonalization.Persistence.Stores;

/// <summary>
/// <see cref="IDefinitionStore"/> over EF Core. Every change bumps the definitions version in the same
/// transaction, so a host that sees a new version always finds the change.
/// </summary>
public sealed class EfDefinitionStore : IDefinitionStore
{
    private readonly IDbContextFactory<PersonalizationDbContext> _contextFactory;

    /// <summary>Creates the store.</summary>
    public EfDefinitionStore(IDbContextFactory<PersonalizationDbContext> contextFactory)
    {
        _contextFactory = contextFactory ?? throw new ArgumentNullException(nameof(contextFactory));
    }

    /// <summary>The current definitions version alone: a cheap check of whether a reload is needed.</summary>
    public async Task<long> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await ReadVersionAsync(db, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<DefinitionSet> LoadAsync(CancellationToken cancellationToken = default)
    {
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            // The version is read first: a change landing in between makes the set newer than its version,
            // and the next version check reloads it. The reverse (an old set under a new version) cannot happen.
            var version = await ReadVersionAsync(db, cancellationToken).ConfigureAwait(false);
            var segments = await db.Segments.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
            var experiences = await db.Experiences.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
            return new DefinitionSet(
                segments
                    .OrderBy(s => s.Alias, StringComparer.Ordinal)
                    .Select(s => new SegmentDefinition(s.Alias, s.Name, s.Condition, s.Priority, s.Description))
                    .ToList(),
                experiences
                    .OrderBy(e => e.Placement, StringComparer.Ordinal)
                    .Select(e => new ExperienceDefinition(
                        e.Placement,
                        e.Name,
                        DefinitionJson.DeserializeVariants(e.Variants),
                        DefinitionJson.DeserializeRules(e.Rules),
                        e.DefaultVariantKey,
                        DefinitionJson.DeserializeExperiment(e.Experiment),
                        e.Enabled))
                    .ToList(),
                version);
        }
    }

    /// <inheritdoc />
    public Task SaveSegmentAsync(SegmentDefinition segment, CancellationToken cancellationToken = default) =>
        TrySaveSegmentAsync(segment, expectedVersion: null, cancellationToken);

    /// <inheritdoc />
    public Task<bool> TrySaveSegmentAsync(SegmentDefinition segment, long expectedVersion, CancellationToken cancellationToken = default) =>
        TrySaveSegmentAsync(segment, (long?)expectedVersion, cancellationToken);

    private Task<bool> TrySaveSegmentAsync(SegmentDefinition segment, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return ChangeAsync(expectedVersion, async db =>
        {
            var row = await db.Segments.FirstOrDefaultAsync(s => s.Alias == segment.Alias, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                row = new SegmentRow { Alias = segment.Alias, Name = segment.Name, Condition = segment.Condition };
                db.Segments.Add(row);
            }

            row.Name = segment.Name;
            row.Condition = segment.Condition;
            row.Priority = segment.Priority;
            row.Description = segment.Description;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> DeleteSegmentAsync(string alias, CancellationToken cancellationToken = default) =>
        TryDeleteSegmentAsync(alias, expectedVersion: null, cancellationToken);

    /// <inheritdoc />
    public Task<bool> TryDeleteSegmentAsync(string alias, long expectedVersion, CancellationToken cancellationToken = default) =>
        TryDeleteSegmentAsync(alias, (long?)expectedVersion, cancellationToken);

    private Task<bool> TryDeleteSegmentAsync(string alias, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alias);
        return ChangeAsync(
            expectedVersion,
            async db => await db.Segments.Where(s => s.Alias == alias).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task SaveExperienceAsync(ExperienceDefinition experience, CancellationToken cancellationToken = default) =>
        TrySaveExperienceAsync(experience, expectedVersion: null, cancellationToken);

    /// <inheritdoc />
    public Task<bool> TrySaveExperienceAsync(ExperienceDefinition experience, long expectedVersion, CancellationToken cancellationToken = default) =>
        TrySaveExperienceAsync(experience, (long?)expectedVersion, cancellationToken);

    private Task<bool> TrySaveExperienceAsync(ExperienceDefinition experience, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experience);
        var variants = DefinitionJson.SerializeVariants(experience.Variants);
        var rules = DefinitionJson.SerializeRules(experience.Rules);
        var experiment = DefinitionJson.SerializeExperiment(experience.Experiment);
        return ChangeAsync(expectedVersion, async db =>
        {
            var row = await db.Experiences.FirstOrDefaultAsync(e => e.Placement == experience.Placement, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                row = new ExperienceRow
                {
                    Placement = experience.Placement,
                    Name = experience.Name,
                    DefaultVariantKey = experience.DefaultVariantKey,
                    Variants = variants,
                    Rules = rules,
                };
                db.Experiences.Add(row);
            }

            row.Name = experience.Name;
            row.DefaultVariantKey = experience.DefaultVariantKey;
            row.Enabled = experience.Enabled;
            row.Variants = variants;
            row.Rules = rules;
            row.Experiment = experiment;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> DeleteExperienceAsync(string placement, CancellationToken cancellationToken = default) =>
        TryDeleteExperienceAsync(placement, expectedVersion: null, cancellationToken);

    /// <inheritdoc />
    public Task<bool> TryDeleteExperienceAsync(string placement, long expectedVersion, CancellationToken cancellationToken = default) =>
        TryDeleteExperienceAsync(placement, (long?)expectedVersion, cancellationToken);

    private Task<bool> TryDeleteExperienceAsync(string placement, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(placement);
        return ChangeAsync(
            expectedVersion,
            async db => await db.Experiences.Where(e => e.Placement == placement).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0,
            cancellationToken);
    }

    private static Task<long> ReadVersionAsync(PersonalizationDbContext db, CancellationToken cancellationToken) =>
        db.DefinitionsVersion.AsNoTracking()
            .Where(v => v.Id == DefinitionsVersionRow.SingletonId)
            .Select(v => v.Version)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Runs <paramref name="change"/> and, when it changed something, commits it with a bumped version; one transaction.
    /// With <paramref name="expectedVersion"/>, only while the version is still that one (else nothing, <c>false</c>).
    /// </summary>
    private async Task<bool> ChangeAsync(long? expectedVersion, Func<PersonalizationDbContext, Task<bool>> change, CancellationToken cancellationToken)
    {
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // Bump first: it takes the write lock at once (SQLite; on PostgreSQL the row lock, so concurrent changes
                // queue here) and is undone when nothing changed. Checked against the expected version in the same
                // statement: a change validated against an older set writes nothing.
                var bumped = await db.DefinitionsVersion
                    .Where(v => v.Id == DefinitionsVersionRow.SingletonId && (expectedVersion == null || v.Version == expectedVersion))
                    .ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1), cancellationToken)
                    .ConfigureAwait(false);
                var changed = (bumped > 0 || expectedVersion is null) && await change(db).ConfigureAwait(false);
                if (changed)
                {
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                }

                return changed;
            }
        }
    }
}
