using Microsoft.Extensions.Options;

namespace UmbracoPersonalization.Core.Visitors;

/// <summary>Checks <see cref="ProfileOptions"/>: positive durations and counts, ordered lifecycle thresholds.</summary>
public sealed class ProfileOptionsValidator : IValidateOptions<ProfileOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ProfileOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (options.SessionTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(ProfileOptions.SessionTimeout)} must be positive.");
        }

        if (options.InterestHalfLife <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(ProfileOptions.InterestHalfLife)} must be positive.");
        }

        if (!double.IsFinite(options.PageViewInterest) || options.PageViewInterest < 0)
        {
            failures.Add($"{nameof(ProfileOptions.PageViewInterest)} must be a finite number of 0 or more.");
        }

        if (!double.IsFinite(options.ClickInterest) || options.ClickInterest < 0)
        {
            failures.Add($"{nameof(ProfileOptions.ClickInterest)} must be a finite number of 0 or more.");
        }

        if (options.EngagedMinVisits < 2)
        {
            failures.Add($"{nameof(ProfileOptions.EngagedMinVisits)} must be 2 or more (one visit is a new visitor).");
        }

        if (options.LoyalMinVisits <= options.EngagedMinVisits)
        {
            failures.Add($"{nameof(ProfileOptions.LoyalMinVisits)} must be greater than {nameof(ProfileOptions.EngagedMinVisits)}.");
        }

        if (options.AtRiskAfter <= options.SessionTimeout)
        {
            failures.Add($"{nameof(ProfileOptions.AtRiskAfter)} must be longer than {nameof(ProfileOptions.SessionTimeout)}.");
        }

        if (options.LapsedAfter <= options.AtRiskAfter)
        {
            failures.Add($"{nameof(ProfileOptions.LapsedAfter)} must be longer than {nameof(ProfileOptions.AtRiskAfter)}.");
        }

        if (options.MaxInterests < 1)
        {
            failures.Add($"{nameof(ProfileOptions.MaxInterests)} must be 1 or more.");
        }

        if (options.MaxPreferences < 0)
        {
            failures.Add($"{nameof(ProfileOptions.MaxPreferences)} must be 0 or more.");
        }

        if (options.MaxPreferenceLength < 1)
        {
            failures.Add($"{nameof(ProfileOptions.MaxPreferenceLength)} must be 1 or more.");
        }

        if (string.IsNullOrWhiteSpace(options.PreferenceEventName))
        {
            failures.Add($"{nameof(ProfileOptions.PreferenceEventName)} must not be empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
