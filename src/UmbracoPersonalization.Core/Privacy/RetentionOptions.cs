using System.ComponentModel;

namespace UmbracoPersonalization.Core.Privacy;

/// <summary>How long visitor data is kept (section <c>Umbraco:Personalization:Retention</c>).</summary>
public sealed class RetentionOptions
{
    private const string StaticEventRetention = "180.00:00:00";
    private const string StaticInactiveProfileRetention = "395.00:00:00";
    private const string StaticPurgeInterval = "01:00:00";
    private const int StaticBatchSize = 1000;

    /// <summary>Whether the purge job runs. Default <c>true</c>.</summary>
    [DefaultValue(true)]
    public bool Enabled { get; set; } = true;

    /// <summary>Events older than this are deleted. Default 180 days.</summary>
    [DefaultValue(typeof(TimeSpan), StaticEventRetention)]
    public TimeSpan EventRetention { get; set; } = TimeSpan.Parse(StaticEventRetention, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Profiles not seen for this long are deleted, with their events and assignments. Default 395 days
    /// (13 months, the CNIL guidance for audience-measurement cookies).
    /// </summary>
    [DefaultValue(typeof(TimeSpan), StaticInactiveProfileRetention)]
    public TimeSpan InactiveProfileRetention { get; set; } = TimeSpan.Parse(StaticInactiveProfileRetention, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Audit entries older than this are deleted; <c>null</c> (default) keeps them.</summary>
    public TimeSpan? AuditRetention { get; set; }

    /// <summary>How often the purge runs. Default 1 hour.</summary>
    [DefaultValue(typeof(TimeSpan), StaticPurgeInterval)]
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.Parse(StaticPurgeInterval, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Most rows deleted by one statement, so no delete holds locks for long. Default 1,000.</summary>
    [DefaultValue(StaticBatchSize)]
    public int BatchSize { get; set; } = StaticBatchSize;

    /// <summary>Pause between two batches, to leave room for the site's own queries. Default 50 ms.</summary>
    public TimeSpan PauseBetweenBatches { get; set; } = TimeSpan.FromMilliseconds(50);
}
