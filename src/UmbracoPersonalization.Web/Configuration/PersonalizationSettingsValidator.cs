using Microsoft.Extensions.Options;

namespace UmbracoPersonalization.Web.Configuration;

/// <summary>
/// Cross-field and semantic rules for <see cref="PersonalizationSettings"/> that data annotations cannot express.
/// Every failure message starts with the full configuration key.
/// </summary>
public sealed class PersonalizationSettingsValidator : IValidateOptions<PersonalizationSettings>
{
    private const string Prefix = PersonalizationSettings.SectionName + ":";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PersonalizationSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = GetFailures(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static IEnumerable<string> GetFailures(PersonalizationSettings options)
    {
        if (string.IsNullOrWhiteSpace(options.SiteTimeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(options.SiteTimeZone, out _))
        {
            yield return $"{Prefix}SiteTimeZone: '{options.SiteTimeZone}' is not a known time zone (use an IANA id such as 'Europe/Amsterdam')";
        }

        if (string.Equals(options.ConsentCookieName, options.VisitorCookieName, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"{Prefix}VisitorCookieName: '{options.VisitorCookieName}' must differ from {Prefix}ConsentCookieName";
        }

        foreach (var failure in CheckRange(nameof(options.SessionTimeout), options.SessionTimeout, TimeSpan.FromMinutes(1), TimeSpan.FromDays(1)))
        {
            yield return failure;
        }

        foreach (var failure in CheckRange(nameof(options.InterestHalfLife), options.InterestHalfLife, TimeSpan.FromHours(1), TimeSpan.FromDays(365)))
        {
            yield return failure;
        }

        foreach (var failure in CheckRange(nameof(options.VisitorCookieLifetime), options.VisitorCookieLifetime, TimeSpan.FromDays(1), TimeSpan.FromDays(400)))
        {
            yield return failure;
        }

        foreach (var failure in CheckRange(nameof(options.ProfileLoadTimeout), options.ProfileLoadTimeout, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(5)))
        {
            yield return failure;
        }

        foreach (var failure in CheckRange(nameof(options.DefinitionRefreshInterval), options.DefinitionRefreshInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)))
        {
            yield return failure;
        }

        if (options.CountryHeader is { } header && !IsHeaderName(header))
        {
            yield return $"{Prefix}CountryHeader: '{header}' is not a valid HTTP header name";
        }

        for (var i = 0; i < options.BotUserAgents.Length; i++)
        {
            var value = options.BotUserAgents[i];
            if (string.IsNullOrWhiteSpace(value) || value.Length > 200)
            {
                yield return $"{Prefix}BotUserAgents:{i}: a user-agent substring must have 1-200 characters";
            }
        }

        if (!string.IsNullOrEmpty(options.DataFolder) && options.DataFolder.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            yield return $"{Prefix}DataFolder: '{options.DataFolder}' is not a valid folder path";
        }

        foreach (var failure in IntegrationSettingsRules.GetFailures(options))
        {
            yield return failure;
        }
    }

    private static IEnumerable<string> CheckRange(string key, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            yield return $"{Prefix}{key}: '{value}' must be between {min} and {max}";
        }
    }

    private static bool IsHeaderName(string value) =>
        value.Length is > 0 and <= 100 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
