using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Catalogue;
using UmbracoPersonalization.Web.Configuration;
using UmbracoPersonalization.Web.Logging;

namespace UmbracoPersonalization.Web.Catalogue;

/// <summary>
/// Drains <see cref="ContentCatalogueQueue"/> in batches (the latest change per key wins) off the request thread.
/// A failing write is logged and the batch given up; a rebuild repairs the catalogue.
/// </summary>
internal sealed class ContentCatalogueWorker(
    ContentCatalogueQueue queue,
    IContentCatalogueStore store,
    IOptions<PersonalizationSettings> settings,
    ILogger<ContentCatalogueWorker> logger) : BackgroundService
{
    private long _batches;

    /// <summary>Batches handled so far (for tests to wait on).</summary>
    public long Batches => Interlocked.Read(ref _batches);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batchSize = settings.Value.Catalogue.BatchSize;
        var batch = new List<CatalogueChange>(batchSize);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                while (batch.Count < batchSize && queue.Reader.TryRead(out var change))
                {
                    batch.Add(change);
                }

                await WriteAsync(batch, stoppingToken).ConfigureAwait(false);
                batch.Clear();
                Interlocked.Increment(ref _batches);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task WriteAsync(List<CatalogueChange> batch, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<Guid, CatalogueChange>();
        foreach (var change in batch)
        {
            latest[change.Key] = change;
        }

        try
        {
            var upserts = latest.Values.Where(c => c.Item is not null).Select(c => c.Item!).ToList();
            var removals = latest.Values.Where(c => c.Item is null).Select(c => c.Key).ToList();
            await store.UpsertAsync(upserts, cancellationToken).ConfigureAwait(false);
            await store.RemoveAsync(removals, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.CatalogueUpdateFailed(logger, ex, latest.Count);
        }
    }
}
