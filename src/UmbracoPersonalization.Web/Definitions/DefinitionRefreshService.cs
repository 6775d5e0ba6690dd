using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Definitions;
using UmbracoPersonalization.Web.Configuration;
using UmbracoPersonalization.Web.Logging;

namespace UmbracoPersonalization.Web.Definitions;

/// <summary>
/// Loads definitions from <see cref="IDefinitionStore"/> at start-up and whenever their version changes (polled every
/// <see cref="PersonalizationSettings.DefinitionRefreshInterval"/>, or on <see cref="RefreshAsync"/>).
/// A failed load keeps the last snapshot (empty before the first success) and is logged.
/// </summary>
internal sealed class DefinitionRefreshService : BackgroundService, IDefinitionRefresher
{
    private static readonly TimeSpan StartupLoadTimeout = TimeSpan.FromSeconds(15);

    private readonly IServiceScopeFactory _scopeFactory;
    private readonly LoadedDefinitions _loaded;
    private readonly IEnumerable<IDefinitionSetConsumer> _consumers;
    private readonly IOptionsMonitor<PersonalizationSettings> _settings;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<DefinitionRefreshService> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long? _version;

    public DefinitionRefreshService(
        IServiceScopeFactory scopeFactory,
        LoadedDefinitions loaded,
        IEnumerable<IDefinitionSetConsumer> consumers,
        IOptionsMonitor<PersonalizationSettings> settings,
        TimeProvider timeProvider,
        ILogger<DefinitionRefreshService> logger)
    {
        _scopeFactory = scopeFactory;
        _loaded = loaded;
        _consumers = consumers;
        _settings = settings;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_settings.CurrentValue.Enabled)
        {
            using var timeout = new CancellationTokenSource(StartupLoadTimeout, _timeProvider);
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                await RefreshAsync(cts.Token);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                // A database too slow to answer at start-up: the site starts with default content, and the periodic
                // refresh loads the definitions once it answers.
                Log.DefinitionsLoadFailed(_logger, ex);
            }
        }

        await base.StartAsync(cancellationToken);
    }

    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = _scopeFactory.CreateAsyncScope();
            var store = scope.ServiceProvider.GetService<IDefinitionStore>();
            if (store is null)
            {
                return;
            }

            if (_version is { } known && await store.GetVersionAsync(cancellationToken) == known)
            {
                return; // cheap check first: nothing changed
            }

            var set = await store.LoadAsync(cancellationToken);
            if (_version == set.Version)
            {
                return;
            }

            foreach (var consumer in _consumers)
            {
                consumer.Apply(set);
            }

            _loaded.Set(set);
            _version = set.Version;
            Log.DefinitionsLoaded(_logger, set.Version, set.Segments.Count, set.Experiences.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.DefinitionsLoadFailed(_logger, ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_settings.CurrentValue.DefinitionRefreshInterval, _timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (_settings.CurrentValue.Enabled)
            {
                await RefreshAsync(stoppingToken);
            }
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }
}
