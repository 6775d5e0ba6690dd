using System.Buffers;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Web.Configuration;

namespace UmbracoPersonalization.Web.Visitors;

/// <summary>
/// Reduces a user agent to a <see cref="DeviceClass"/>; the user agent itself is never stored.
/// A missing user agent counts as a bot (browsers always send one).
/// </summary>
public sealed class UserAgentClassifier
{
    private const int MaxUserAgentLength = 1024;
    private readonly SearchValues<string> _bots;

    /// <summary>Creates a classifier over the built-in bot list plus the configured extra substrings.</summary>
    public UserAgentClassifier(IOptions<PersonalizationSettings> settings)
        : this(settings.Value.BotUserAgents)
    {
    }

    /// <summary>Creates a classifier over the built-in bot list plus <paramref name="extraBotSubstrings"/>.</summary>
    public UserAgentClassifier(IEnumerable<string> extraBotSubstrings)
    {
        var all = KnownBots.UserAgentSubstrings
            .Concat(extraBotSubstrings.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        _bots = SearchValues.Create(all, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Classifies <paramref name="userAgent"/>.</summary>
    public DeviceClass Classify(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return DeviceClass.Bot;
        }

        var ua = userAgent.AsSpan(0, Math.Min(userAgent.Length, MaxUserAgentLength));
        if (ua.ContainsAny(_bots))
        {
            return DeviceClass.Bot;
        }

        if (ua.Contains("iPad", StringComparison.OrdinalIgnoreCase)
            || ua.Contains("Tablet", StringComparison.OrdinalIgnoreCase)
            || (ua.Contains("Android", StringComparison.OrdinalIgnoreCase) && !ua.Contains("Mobile", StringComparison.OrdinalIgnoreCase)))
        {
            return DeviceClass.Tablet;
        }

        if (ua.Contains("Mobi", StringComparison.OrdinalIgnoreCase)
            || ua.Contains("iPhone", StringComparison.OrdinalIgnoreCase)
            || ua.Contains("Android", StringComparison.OrdinalIgnoreCase))
        {
            return DeviceClass.Mobile;
        }

        return ua.Contains("Mozilla/", StringComparison.OrdinalIgnoreCase) ? DeviceClass.Desktop : DeviceClass.Unknown;
    }
}
