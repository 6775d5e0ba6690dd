using System.Buffers;
using Microsoft.Extensions.Options;
using UmbracoPersonalization.Core.Visitors;
using UmbracoPersonalization.Web.Caching;
using UmbracoPersonalization.Web.Configuration;

namespace UmbracoPersonalization.Web.Visitors;

/// <summary>
/// Reduces a user agent to a <see cref="DeviceClass"/>; the user agent itself is never stored.
/// A missing user agent counts as a bot (browsers always send one). The class of up to 4,096 distinct user agents is
/// remembered (the memo is emptied when full).
/// </summary>
public sealed class UserAgentClassifier
{
    private const int MaxUserAgentLength = 1024;
    private const int MemoCapacity = 4096;
    private readonly SearchValues<string> _bots;

    // Real user agents are a few hundred characters; longer ones are classified every time rather than kept.
    private readonly BoundedMemo<string, DeviceClass> _known = new(MemoCapacity, StringComparer.Ordinal, static ua => ua.Length <= MaxUserAgentLength);

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

        // A few user agents make most of the traffic: remember their class rather than scanning them on every request.
        return _known.GetOrAdd(userAgent, this, static (ua, self) => self.ClassifyUncached(ua));
    }

    private DeviceClass ClassifyUncached(string userAgent)
    {

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
