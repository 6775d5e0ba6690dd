namespace UmbracoPersonalization.Persistence.Tests;

public sealed class PersistenceOptionsValidatorTests
{
    private static readonly PersistenceOptionsValidator Validator = new();

    [Fact]
    public void Validate_SqliteWithDataDirectory_Succeeds()
    {
        Assert.True(Validator.Validate(null, new PersistenceOptions { DataDirectory = "/data" }).Succeeded);
    }

    [Fact]
    public void Validate_PostgreSqlWithoutConnectionString_FailsNamingTheKey()
    {
        var result = Validator.Validate(null, new PersistenceOptions { Provider = PersistenceProvider.PostgreSql, DataDirectory = "/data" });

        Assert.Contains("Umbraco:Personalization:Persistence:ConnectionString is required when Provider is PostgreSql.", result.Failures!);
    }

    [Fact]
    public void Validate_SqliteWithNeitherDataDirectoryNorConnectionString_FailsNamingBothKeys()
    {
        var result = Validator.Validate(null, new PersistenceOptions());

        var failure = Assert.Single(result.Failures!);
        Assert.Contains("Umbraco:Personalization:Persistence:DataDirectory", failure, StringComparison.Ordinal);
        Assert.Contains("Umbraco:Personalization:Persistence:ConnectionString", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(3601)]
    public void Validate_ProfileCacheTimeToLiveOutOfRange_FailsNamingTheKey(double seconds)
    {
        var options = new PersistenceOptions { DataDirectory = "/data", ProfileCacheTimeToLive = TimeSpan.FromSeconds(seconds) };

        var failure = Assert.Single(Validator.Validate(null, options).Failures!);
        Assert.StartsWith("Umbraco:Personalization:Persistence:ProfileCacheTimeToLive", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ProfileCacheCapacityZero_SwitchesTheCacheOffAndSucceeds()
    {
        Assert.True(Validator.Validate(null, new PersistenceOptions { DataDirectory = "/data", ProfileCacheCapacity = 0 }).Succeeded);
    }

    [Fact]
    public void Validate_UnknownSqliteSynchronous_FailsNamingTheKey()
    {
        var options = new PersistenceOptions { DataDirectory = "/data", SqliteSynchronous = (SqliteSynchronousMode)0 };

        var failure = Assert.Single(Validator.Validate(null, options).Failures!);
        Assert.StartsWith("Umbraco:Personalization:Persistence:SqliteSynchronous", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownProvider_Fails()
    {
        var result = Validator.Validate(null, new PersistenceOptions { Provider = (PersistenceProvider)7, ConnectionString = "x" });

        Assert.Contains(result.Failures!, f => f.StartsWith("Umbraco:Personalization:Persistence:Provider", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(nameof(PersistenceOptions.BatchSize), 0)]
    [InlineData(nameof(PersistenceOptions.BatchSize), 10_001)]
    [InlineData(nameof(PersistenceOptions.MaxBatchSize), 0)]
    [InlineData(nameof(PersistenceOptions.MaxBatchSize), 10_001)]
    [InlineData(nameof(PersistenceOptions.QueueCapacity), 0)]
    [InlineData(nameof(PersistenceOptions.MaxStoreAttempts), 0)]
    [InlineData(nameof(PersistenceOptions.MaxConflictRetries), 0)]
    [InlineData(nameof(PersistenceOptions.ProfileCacheCapacity), -1)]
    public void Validate_NumberOutOfRange_FailsNamingTheKey(string key, int value)
    {
        var options = new PersistenceOptions { DataDirectory = "/data" };
        typeof(PersistenceOptions).GetProperty(key)!.SetValue(options, value);

        var failure = Assert.Single(Validator.Validate(null, options).Failures!);

        Assert.StartsWith($"Umbraco:Personalization:Persistence:{key} must be between", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(PersistenceOptions.MaxBatchDelay), 0)]
    [InlineData(nameof(PersistenceOptions.MaxBatchDelay), 120_000)]
    [InlineData(nameof(PersistenceOptions.RetryBaseDelay), -1)]
    [InlineData(nameof(PersistenceOptions.RetryBaseDelay), 120_000)]
    public void Validate_DelayOutOfRange_FailsNamingTheKey(string key, int milliseconds)
    {
        var options = new PersistenceOptions { DataDirectory = "/data" };
        typeof(PersistenceOptions).GetProperty(key)!.SetValue(options, TimeSpan.FromMilliseconds(milliseconds));

        var failure = Assert.Single(Validator.Validate(null, options).Failures!);

        Assert.StartsWith($"Umbraco:Personalization:Persistence:{key} must be", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new PersistenceOptions();

        Assert.Equal(PersistenceProvider.Sqlite, options.Provider);
        Assert.Equal(500, options.BatchSize);
        Assert.Equal(8_000, options.MaxBatchSize);
        Assert.Equal(10_000, options.QueueCapacity);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.MaxBatchDelay);
        Assert.Equal(4, options.MaxStoreAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.RetryBaseDelay);
        Assert.Equal(5, options.MaxConflictRetries);
        Assert.True(options.MigrateOnStartup);
    }
}
