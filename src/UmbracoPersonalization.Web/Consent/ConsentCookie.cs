using System.Globalization;
using UmbracoPersonalization.Core.Consent;

namespace UmbracoPersonalization.Web.Consent;

/// <summary>
/// The format of the consent cookie: <c>p=analytics.personalization&amp;t=1767225600&amp;v=1</c>
/// (purposes, Unix time of the choice, policy version). Not secret and not signed: it only records the
/// visitor's own choice, so forging it grants nothing the visitor could not grant through the banner.
/// </summary>
public static class ConsentCookie
{
    private const int MaxLength = 256;

    /// <summary>The purpose names used in the cookie and the consent endpoint.</summary>
    public static IReadOnlyDictionary<string, ConsentPurposes> PurposeNames { get; } =
        new Dictionary<string, ConsentPurposes>(StringComparer.OrdinalIgnoreCase)
        {
            ["necessary"] = ConsentPurposes.Necessary,
            ["analytics"] = ConsentPurposes.Analytics,
            ["personalization"] = ConsentPurposes.Personalization,
            ["marketing"] = ConsentPurposes.Marketing,
        };

    /// <summary>Formats a choice as a cookie value.</summary>
    public static string Format(ConsentPurposes granted, DateTimeOffset decidedAt, string policyVersion)
    {
        var names = PurposeNames.Where(p => p.Value != ConsentPurposes.Necessary && (granted & p.Value) == p.Value).Select(p => p.Key);
        return $"p={string.Join('.', names)}&t={decidedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}&v={Uri.EscapeDataString(policyVersion)}";
    }

    /// <summary>Parses a cookie value; <c>null</c> when it is missing or malformed.</summary>
    public static ConsentState? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return null;
        }

        ConsentPurposes granted = ConsentPurposes.Necessary;
        DateTimeOffset? decidedAt = null;
        string? version = null;
        foreach (var part in value.Split('&'))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0)
            {
                return null;
            }

            var key = part[..eq];
            var raw = part[(eq + 1)..];
            switch (key)
            {
                case "p":
                    foreach (var name in raw.Split('.', StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (!PurposeNames.TryGetValue(name, out var purpose))
                        {
                            return null;
                        }

                        granted |= purpose;
                    }

                    break;
                case "t":
                    if (!long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                        || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
                    {
                        return null;
                    }

                    decidedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
                    break;
                case "v":
                    version = Uri.UnescapeDataString(raw);
                    break;
            }
        }

        return decidedAt is null ? null : new ConsentState(granted, decidedAt, version);
    }
}
