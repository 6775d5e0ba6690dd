using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using UmbracoPersonalization.Core.Catalogue;
using UmbracoPersonalization.Persistence.Data;
using UmbracoPersonalization.Persistence.Data.Entities;

namespace UmbracoPersonalization.Persistence.Stores;

/// <summary><see cref="IContentCatalogueStore"/> over EF Core (table <c>upPersonalizationContent</c>).</summary>
public sealed class EfContentCatalogueStore : IContentCatalogueStore
{
    private readonly IDbContextFactory<PersonalizationDbContext> _contextFactory;

    /// <summary>Creates the store.</summary>
    public EfContentCatalogueStore(IDbContextFactory<PersonalizationDbContext> contextFactory)
    {
        _contextFactory = contextFactory ?? throw new ArgumentNullException(nameof(contextFactory));
    }

    /// <inheritdoc />
    public async Task UpsertAsync(IReadOnlyCollection<CatalogueItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return;
        }

        var latest = items.GroupBy(i => i.Key).Select(g => g.Last()).ToList();
        var keys = latest.Select(i => i.Key).ToList();
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var existing = await db.Catalogue.Where(r => keys.Contains(r.Key)).ToDictionaryAsync(r => r.Key, cancellationToken).ConfigureAwait(false);
            foreach (var item in latest)
            {
                if (!existing.TryGetValue(item.Key, out var row))
                {
                    row = new CatalogueItemRow { Key = item.Key, ContentType = item.ContentType, Name = item.Name, Tags = "[]", Categories = "[]", Text = string.Empty };
                    db.Catalogue.Add(row);
                }

                row.ContentType = Truncate(item.ContentType, PersonalizationDbContext.KeyMaxLength)!;
                row.Name = Truncate(item.Name, 256)!;
                row.Url = Truncate(item.Url, 2048);
                row.Tags = JsonSerializer.Serialize(item.Tags);
                row.Categories = JsonSerializer.Serialize(item.Categories);
                row.Text = item.Text;
                row.PublishedAt = item.PublishedAt;
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<int> RemoveAsync(IReadOnlyCollection<Guid> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return 0;
        }

        var list = keys.Distinct().ToList();
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.Catalogue.Where(r => list.Contains(r.Key)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<CatalogueItem?> GetAsync(Guid key, CancellationToken cancellationToken = default)
    {
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var row = await db.Catalogue.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, cancellationToken).ConfigureAwait(false);
            return row is null
                ? null
                : new CatalogueItem(
                    row.Key,
                    row.ContentType,
                    row.Name,
                    row.Url,
                    JsonSerializer.Deserialize<string[]>(row.Tags) ?? [],
                    JsonSerializer.Deserialize<string[]>(row.Categories) ?? [],
                    row.Text,
                    row.PublishedAt);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyCollection<Guid>> GetKeysAsync(CancellationToken cancellationToken = default)
    {
        var db = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.Catalogue.AsNoTracking().Select(r => r.Key).ToListAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}
