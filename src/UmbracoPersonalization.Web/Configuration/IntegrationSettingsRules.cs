namespace UmbracoPersonalization.Web.Configuration;

/// <summary>
/// Rules for the Umbraco-integration sub-sections (<c>Criteria</c>, <c>Catalogue</c>, <c>Blocks</c>); part of
/// <see cref="PersonalizationSettingsValidator"/>. Nested sections are not covered by data annotations, so their
/// bounds are checked here. Every message starts with the full configuration key.
/// </summary>
internal static class IntegrationSettingsRules
{
    private const string Prefix = PersonalizationSettings.SectionName + ":";

    public static IEnumerable<string> GetFailures(PersonalizationSettings options)
    {
        var criteria = options.Criteria;
        foreach (var (key, header) in new[] { ("Criteria:RegionHeader", criteria.RegionHeader), ("Criteria:ContinentHeader", criteria.ContinentHeader) })
        {
            if (header is not null && !IsHeaderName(header))
            {
                yield return $"{Prefix}{key}: '{header}' is not a valid HTTP header name";
            }
        }

        foreach (var failure in Names("Criteria:Cookies", criteria.Cookies).Concat(Names("Criteria:SessionKeys", criteria.SessionKeys)).Concat(Names("Criteria:MemberProfileClaims", criteria.MemberProfileClaims)))
        {
            yield return failure;
        }

        if (string.IsNullOrWhiteSpace(criteria.MemberTypeClaim))
        {
            yield return $"{Prefix}Criteria:MemberTypeClaim: a claim type is required";
        }

        var catalogue = options.Catalogue;
        if (catalogue.MaxTextLength is < 0 or > 100_000)
        {
            yield return $"{Prefix}Catalogue:MaxTextLength: '{catalogue.MaxTextLength}' must be between 0 and 100000";
        }

        if (catalogue.QueueCapacity is < 1 or > 1_000_000)
        {
            yield return $"{Prefix}Catalogue:QueueCapacity: '{catalogue.QueueCapacity}' must be between 1 and 1000000";
        }

        if (catalogue.BatchSize is < 1 or > 10_000)
        {
            yield return $"{Prefix}Catalogue:BatchSize: '{catalogue.BatchSize}' must be between 1 and 10000";
        }

        if (options.Blocks.SettingsElementTypes.Length == 0 || options.Blocks.SettingsElementTypes.Any(string.IsNullOrWhiteSpace))
        {
            yield return $"{Prefix}Blocks:SettingsElementTypes: at least one element type alias is required, none empty";
        }
    }

    private static IEnumerable<string> Names(string key, string[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(values[i]) || values[i].Length > 200)
            {
                yield return $"{Prefix}{key}:{i}: a name must have 1-200 characters";
            }
        }
    }

    private static bool IsHeaderName(string value) =>
        value.Length is > 0 and <= 100 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
