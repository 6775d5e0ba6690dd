using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Privacy;

namespace UmbracoPersonalization.Persistence.Retention;

/// <summary>
/// Runs <see cref="RetentionPurger"/> every <see cref="RetentionOptions.PurgeInterval"/> (a <see cref="PeriodicTimer"/>
/// on the injected <see cref="TimeProvider"/>) while <see cref="RetentionOptions.Enabled"/>. A failed purge is logged
/// and tried again at the next tick; nothing is thrown to the host.
/// </summary>
public sealed partial class RetentionPurgeService : BackgroundService
{
    private readonly RetentionPurger _purger;
    private readonly IOptionsMonitor<RetentionOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<RetentionPurgeService> _logger;
    private long _runs;
    private PeriodicTimer? _timer;

    /// <summary>Creates the service.</summary>
    public RetentionPurgeService(RetentionPurger purger, IOptionsMonitor<RetentionOptions> options, TimeProvider time, ILogger<RetentionPurgeService> logger)
    {
        _purger = purger ?? throw new ArgumentNullException(nameof(purger));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Purges run so far (including failed ones).</summary>
    public long Runs => Interlocked.Read(ref _runs);

    /// <summary>Starts the timer (before returning, so the first interval counts from the start) and the loop.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _timer ??= new PeriodicTimer(_options.CurrentValue.PurgeInterval, _time);
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timer = _timer ?? throw new InvalidOperationException("StartAsync creates the timer.");
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                if (!_options.CurrentValue.Enabled)
                {
                    continue;
                }

                try
                {
                    await _purger.PurgeAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogPurgeFailed(_logger, ex);
                }
                finally
                {
                    Interlocked.Increment(ref _runs);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "The retention purge failed; it runs again at the next interval.")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
