using Microsoft.Extensions.Options;

namespace UmbracoPersonalization.Persistence;

/// <summary>
/// Validates <see cref="PersistenceOptions"/>; every message names the configuration key at fault.
/// One validator holds all rules (rather than data annotations plus this) because most rules are
/// cross-field or on <see cref="TimeSpan"/> values, and one place reads better.
/// </summary>
public sealed class PersistenceOptionsValidator : IValidateOptions<PersistenceOptions>
{
    private const string Prefix = PersistenceOptions.SectionName + ":";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PersistenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (!Enum.IsDefined(options.Provider))
        {
            failures.Add($"{Prefix}Provider must be Sqlite or PostgreSql.");
        }
        else if (options.Provider == PersistenceProvider.PostgreSql && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{Prefix}ConnectionString is required when Provider is PostgreSql.");
        }
        else if (options.Provider == PersistenceProvider.Sqlite
            && string.IsNullOrWhiteSpace(options.ConnectionString)
            && string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add($"{Prefix}DataDirectory or {Prefix}ConnectionString is required when Provider is Sqlite.");
        }

        if (options.BatchSize is < 1 or > 10_000)
        {
            failures.Add($"{Prefix}BatchSize must be between 1 and 10000 (was {options.BatchSize}).");
        }

        if (options.MaxBatchSize is < 1 or > 10_000)
        {
            failures.Add($"{Prefix}MaxBatchSize must be between 1 and 10000 (was {options.MaxBatchSize}).");
        }

        if (options.QueueCapacity is < 1 or > 10_000_000)
        {
            failures.Add($"{Prefix}QueueCapacity must be between 1 and 10000000 (was {options.QueueCapacity}).");
        }

        if (options.MaxBatchDelay <= TimeSpan.Zero || options.MaxBatchDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{Prefix}MaxBatchDelay must be more than zero and at most one minute (was {options.MaxBatchDelay}).");
        }

        if (options.MaxStoreAttempts is < 1 or > 20)
        {
            failures.Add($"{Prefix}MaxStoreAttempts must be between 1 and 20 (was {options.MaxStoreAttempts}).");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryBaseDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{Prefix}RetryBaseDelay must be between zero and one minute (was {options.RetryBaseDelay}).");
        }

        if (options.MaxConflictRetries is < 1 or > 100)
        {
            failures.Add($"{Prefix}MaxConflictRetries must be between 1 and 100 (was {options.MaxConflictRetries}).");
        }

        if (options.ProfileCacheCapacity is < 0 or > 10_000_000)
        {
            failures.Add($"{Prefix}ProfileCacheCapacity must be between 0 and 10000000 (was {options.ProfileCacheCapacity}).");
        }

        if (options.ProfileCacheTimeToLive < TimeSpan.FromSeconds(1) || options.ProfileCacheTimeToLive > TimeSpan.FromHours(1))
        {
            failures.Add($"{Prefix}ProfileCacheTimeToLive must be between one second and one hour (was {options.ProfileCacheTimeToLive}).");
        }

        if (!Enum.IsDefined(options.SqliteSynchronous))
        {
            failures.Add($"{Prefix}SqliteSynchronous must be Normal, Full or Extra (was {options.SqliteSynchronous}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
