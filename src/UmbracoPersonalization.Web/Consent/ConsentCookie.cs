using System.Globalization;
using UmbracoPersonalization.Core.Consent;

namespace UmbracoPersonalization.Web.Consent;

/// <summary>
/// The format of the consent cookie: <c>analytics-personalization_1767225600_1</c>, i.e. the granted purposes
/// joined by <c>-</c> (<c>necessary</c> when nothing else), the Unix time of the choice, and the policy version,
/// separated by <c>_</c>. Only URL-safe characters, so a client-side banner can read it as is. Not secret and not
/// signed: it records the visitor's own choice, so forging it grants nothing the visitor could not grant anyway.
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
        var names = PurposeNames.Where(p => p.Value != ConsentPurposes.Necessary && (granted & p.Value) == p.Value).Select(p => p.Key).ToList();
        var purposes = names.Count == 0 ? "necessary" : string.Join('-', names);
        return $"{purposes}_{decidedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}_{policyVersion}";
    }

    /// <summary>Parses a cookie value; <c>null</c> when it is missing or malformed.</summary>
    public static ConsentState? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return null;
        }

        var parts = value.Split('_', 3);
        if (parts.Length != 3 || parts[2].Length == 0
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return null;
        }

        var granted = ConsentPurposes.Necessary;
        foreach (var name in parts[0].Split('-', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!PurposeNames.TryGetValue(name, out var purpose))
            {
                return null;
            }

            granted |= purpose;
        }

        return new ConsentState(granted, DateTimeOffset.FromUnixTimeSeconds(seconds), parts[2]);
    }
}
